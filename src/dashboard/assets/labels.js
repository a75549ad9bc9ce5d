// How a selection is named in headings, captions and the subscription form.

import { bootstrap, t } from './i18n.js';

export const courtsByCode = new Map(bootstrap.courts.map((c) => [c.code, c]));

export const articleText = (state) =>
  state.part === 'all' ? t('sel.articleAll', { a: state.article })
  : state.part === 'none' ? t('sel.articleNone', { a: state.article })
  : t('sel.articlePart', { a: state.article, p: state.part });

export function whereText(state) {
  if (state.court) {
    const c = courtsByCode.get(state.court);
    return c ? `${c.name} (${c.code})` : state.court;
  }
  const parts = [state.level ? t(`levels.${state.level}`) : t('sel.allCourts')];
  if (state.region) parts.push(t('sel.region', { r: state.region }));
  return parts.join(', ');
}

export const selectionText = (state) => `${t(`series.${state.series}`)} · ${articleText(state)} · ${whereText(state)}`;
