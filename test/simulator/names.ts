// Invented people: surnames assembled from syllables plus initials, never taken from real records.
import type { Rng } from './prng.js';

const HEADS = [
  'Бар', 'Вел', 'Гор', 'Дуб', 'Жар', 'Зим', 'Кол', 'Лом', 'Мар', 'Нор', 'Пал', 'Рот', 'Сем', 'Тал', 'Уш',
  'Фед', 'Хор', 'Чер', 'Шаб', 'Юр', 'Бел', 'Вор', 'Глин', 'Дер', 'Ерм', 'Жив', 'Кир', 'Лад', 'Мох', 'Нес',
  'Пер', 'Рус', 'Сок', 'Тур', 'Хит', 'Цар', 'Шир', 'Ясн', 'Брук', 'Грач', 'Клюк', 'Мшан', 'Прок', 'Стуж',
];
const MIDS = ['а', 'е', 'и', 'о', 'у', 'я', 'ен', 'ол', 'ар', 'ус', 'ин', 'ет'];
const TAILS = ['нов', 'ров', 'лин', 'шев', 'ков', 'рин', 'тов', 'дин', 'сов', 'хин', 'мцев', 'ляев', 'жиков', 'щенко', 'вич', 'дзе', 'ляк'];
const INITIALS = 'АБВГДЕЖЗИКЛМНОПРСТУФЭЮЯ';

export function inventSurname(rng: Rng): string {
  return rng.pick(HEADS) + rng.pick(MIDS) + rng.pick(TAILS);
}

function initials(rng: Rng): string {
  return `${INITIALS[rng.int(0, INITIALS.length - 1)]}.${INITIALS[rng.int(0, INITIALS.length - 1)]}.`;
}

/** «ФАМИЛИЯ И.О.», the way criminal listings publish a defendant. */
export function inventDefendant(rng: Rng): string {
  return `${inventSurname(rng).toUpperCase()} ${initials(rng)}`;
}

/** «Фамилия И.О.» for judges, lawyers and prosecutors. */
export function inventOfficial(rng: Rng): string {
  return `${inventSurname(rng)} ${initials(rng)}`;
}
