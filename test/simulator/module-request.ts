// Reads a `modules.php?name=sud_delo&…` query the way the site does: the primary (u1_/u2_) and the
// vnkod (case__/parts__) search forms, the form page, cards, act texts.
import type { Court, SearchForm } from '../../scrapers/sudrf/types.js';
import type { SimInstance } from './case-generator.js';
import type { DayRange, SearchCriteria } from './case-search.js';
import { dayOfRu } from './calendar.js';

export type ModuleRequest =
  | { op: 'search'; form: SearchForm; criteria: SearchCriteria; page: number; pageParam: string }
  | { op: 'form'; form: SearchForm; instance: SimInstance }
  | { op: 'empty'; why: string }
  | { op: 'bad-request'; why: string }
  | { op: 'card'; caseId: number }
  | { op: 'doc'; number: number; textNumber: number }
  | { op: 'hearings'; date: string }
  | { op: 'inactive' };

class BadDate extends Error {}

function range(params: Map<string, string>, from: string, to: string): DayRange {
  const r: DayRange = {};
  for (const [key, slot] of [[from, 'from'], [to, 'to']] as const) {
    const text = (params.get(key) ?? '').trim();
    if (!text) continue;
    const day = dayOfRu(text);
    if (day === undefined) throw new BadDate(key);
    r[slot] = day;
  }
  return r;
}

function pageOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

function primarySearch(params: Map<string, string>, court: Court, strictForms: boolean): ModuleRequest {
  const newValue = params.get('new') ?? '0';
  const table = (params.get('delo_table') ?? '').toLowerCase();
  const instance: SimInstance | null = newValue === '0' && table === 'u1_case' ? 'first' : newValue === '4' && table === 'u2_case' ? 'appeal' : null;
  if (!params.has('submit')) return { op: 'form', form: 'primary', instance: instance ?? 'first' };
  if (params.has('vnkod') && params.get('vnkod')!.trim() === '') return { op: 'form', form: 'primary', instance: instance ?? 'first' };
  const vnkod = params.get('vnkod')?.trim().toUpperCase();
  if (vnkod && vnkod !== court.code) return { op: 'empty', why: 'vnkod of another court' };
  if (strictForms && court.form !== 'primary') return { op: 'empty', why: 'this court answers only its vnkod form' };
  if (!instance) return { op: 'empty', why: `no card index for new=${newValue} delo_table=${table}` };
  const p = instance === 'first' ? 'u1' : 'u2';
  const criteria: SearchCriteria = {
    instance,
    article: params.get(`${p}_defendant__law_articless`) ?? '',
    entry: range(params, `${p}_case__entry_date1d`, `${p}_case__entry_date2d`),
    result: range(params, `${p}_case__result_date1d`, `${p}_case__result_date2d`),
    defendantResult: range(params, `${p}_defendant__result_date1d`, `${p}_defendant__result_date2d`),
    validity: range(params, `${p}_case__validity_date1d`, `${p}_case__validity_date2d`),
    caseNumber: params.get(`${p}_case__case_numberss`) ?? '',
    name: params.get(`${p}_defendant__namess`) ?? '',
    uid: params.get(`${p}_case__judicial_uidss`) ?? '',
  };
  return { op: 'search', form: 'primary', criteria, page: pageOf(params.get('page')), pageParam: 'page' };
}

function vnkodSearch(params: Map<string, string>, court: Court, strictForms: boolean): ModuleRequest {
  const newValue = params.get('_new') ?? '0';
  const instance: SimInstance | null = newValue === '0' ? 'first' : newValue === '4' ? 'appeal' : null;
  const vnkod = (params.get('case__vnkod') ?? '').trim().toUpperCase();
  if (!vnkod) return { op: 'form', form: 'vnkod', instance: instance ?? 'first' };
  if (vnkod !== court.code) return { op: 'empty', why: 'case__vnkod of another court' };
  if (strictForms && court.form !== 'vnkod') return { op: 'empty', why: 'this court answers only the primary form' };
  if (!instance) return { op: 'empty', why: `no card index for _new=${newValue}` };
  const criteria: SearchCriteria = {
    instance,
    article: params.get('parts__law_articless') ?? '',
    entry: range(params, 'case__entry_date1d', 'case__entry_date2d'),
    result: range(params, 'case__result_date1d', 'case__result_date2d'),
    defendantResult: range(params, 'parts__result_date1d', 'parts__result_date2d'),
    validity: range(params, 'case__validity_date1d', 'case__validity_date2d'),
    caseNumber: params.get('case__case_numberss') ?? '',
    name: params.get('parts__namess') ?? '',
    uid: params.get('case__judicial_uidss') ?? '',
  };
  return { op: 'search', form: 'vnkod', criteria, page: pageOf(params.get('_page')), pageParam: '_page' };
}

export function readModuleRequest(params: Map<string, string>, court: Court, strictForms: boolean): ModuleRequest {
  if ((params.get('name') ?? 'sud_delo') !== 'sud_delo') return { op: 'inactive' };
  const op = params.get('name_op');
  try {
    switch (op) {
      case 'r':
        return params.has('_deloid') ? vnkodSearch(params, court, strictForms) : primarySearch(params, court, strictForms);
      case 'sf':
        return { op: 'form', form: court.form, instance: (params.get('new') ?? params.get('_new')) === '4' ? 'appeal' : 'first' };
      case 'case': {
        const id = Number.parseInt(params.get('case_id') ?? '', 10);
        return Number.isFinite(id) ? { op: 'card', caseId: id } : { op: 'bad-request', why: 'case_id' };
      }
      case 'doc': {
        const n = Number.parseInt(params.get('number') ?? '', 10);
        return Number.isFinite(n) ? { op: 'doc', number: n, textNumber: pageOf(params.get('text_number')) } : { op: 'bad-request', why: 'number' };
      }
      case undefined:
        if (params.has('h_date')) return { op: 'hearings', date: params.get('h_date')! };
        return { op: 'form', form: court.form, instance: 'first' };
      default:
        return { op: 'bad-request', why: `name_op=${op}` };
    }
  } catch (e) {
    if (e instanceof BadDate) return { op: 'bad-request', why: `bad date in ${e.message}` };
    throw e;
  }
}
