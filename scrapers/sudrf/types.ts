// The contract between the court-site parsers and the rest of verdict-watch.
// Dates are ISO calendar dates (`2026-05-06`); a value the page does not show is null.

export type PageKind =
  | 'listing'
  | 'card'
  | 'act'
  | 'empty'
  | 'captcha'
  | 'blocked'
  | 'antibot'
  | 'down'
  | 'inactive'
  | 'bad-request'
  | 'unknown';

export interface Classification {
  kind: PageKind;
  /** Why the classifier chose this kind (the marker it saw); never contains personal data. */
  reason: string;
}

export type CourtLevel = 'garrison' | 'okrug' | 'appeal' | 'cassation';
export type SearchForm = 'primary' | 'vnkod';
export type Instance = 'first' | 'appeal' | 'cassation';

export interface Court {
  code: string; // vnkod, e.g. 63GV0001
  name: string;
  level: CourtLevel;
  /** Host spellings, preferred first (e.g. gvs--sam.sudrf.ru, gvs.sam.sudrf.ru). */
  hosts: string[];
  region: string; // two-digit region code
  captcha: boolean;
  form: SearchForm;
}

export interface ArticleRef {
  article: string; // '337', '337.1'
  part: string | null; // '5', '2.1'
  point: string | null; // 'б'
}

export type Outcome =
  | 'conviction'
  | 'acquittal'
  | 'terminated'
  | 'returned'
  | 'transferred'
  | 'merged'
  | 'other';

export interface Defendant {
  /** Name as published (personal data: never log it). */
  name: string | null;
  articles: ArticleRef[];
  decidedOn: string | null;
  result: string | null;
  outcome: Outcome | null;
}

export interface ListingRow {
  caseNumber: string;
  cardUrl: string | null;
  caseId: string | null;
  caseUid: string | null;
  receivedOn: string | null;
  /** Raw text of the info column. */
  info: string;
  defendants: Defendant[];
  judge: string | null;
  decidedOn: string | null;
  result: string | null;
  outcome: Outcome | null;
  legalForceOn: string | null;
  actUrls: string[];
}

export interface Listing {
  /** The site's own counter «Всего по запросу найдено — N», null when absent. */
  total: number | null;
  from: number | null;
  to: number | null;
  rows: ListingRow[];
  nextPageUrl: string | null;
  /** Problems found while parsing, e.g. rows that disagree with the counter. Empty when all is well. */
  problems: string[];
}

export interface CaseEvent {
  name: string;
  date: string | null;
  time: string | null;
  result: string | null;
}

export interface CaseAct {
  title: string;
  url: string | null;
  text: string | null;
}

/** The court below, as an appeal or cassation card shows it (РАССМОТРЕНИЕ В НИЖЕСТОЯЩЕМ СУДЕ). */
export interface LowerCourt {
  court: string | null;
  caseNumber: string | null;
  judge: string | null;
  decidedOn: string | null;
}

export interface CaseCard {
  caseNumber: string;
  uid: string | null;
  category: string | null;
  instance: Instance | null;
  receivedOn: string | null;
  judge: string | null;
  decidedOn: string | null;
  result: string | null;
  outcome: Outcome | null;
  legalForceOn: string | null;
  defendants: Defendant[];
  events: CaseEvent[];
  acts: CaseAct[];
  /** Present only on cards that show the court below. */
  lowerCourt?: LowerCourt;
}

export interface CaptchaChallenge {
  /** `data:image/png;base64,…`, null when the page shows no readable image (e.g. «code rejected» only). */
  imageDataUrl: string | null;
  captchaId: string | null;
}

export interface ParsedPage {
  kind: PageKind;
  reason: string;
  captcha?: CaptchaChallenge;
  listing?: Listing;
  card?: CaseCard;
  act?: { text: string };
}
