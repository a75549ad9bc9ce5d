import type { AlertFilters, Method } from './alert-filters.js';
import type { WeekCount } from './email-parts.js';

export type AlertKind = 'spike' | 'data';

/** Data alerts: a spike held back (inhibited) or a court's crawl in trouble. */
export type DataReason = 'inhibited' | 'court-blocked' | 'captcha-waiting' | 'layout-changed' | 'crawl-failing' | 'silent-court' | 'court-stale';

/** One stored alert as emails and the API show it. Spike fields are set for spikes and held-back spikes. */
export interface AlertView {
  id: string;
  kind: AlertKind;
  reason: string;
  filters: AlertFilters | null;
  court: string | null;
  courtName: string | null;
  week: string | null;
  observed: number | null;
  threshold: number | null;
  method: Method | null;
  coverage: number | null;
  detail: string | null;
  history: WeekCount[];
  detectedAt: string;
  sentAt: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}
