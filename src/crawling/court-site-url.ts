import type { Court } from '../../scrapers/sudrf/types.js';

/** A court's site root from the COURT_BASE_URL template (`https://{host}/`, or a simulator's `http://127.0.0.1:4010/{code}/`). */
export function courtSiteUrl(template: string, court: Court): string {
  const url = template.replaceAll('{host}', court.hosts[0]).replaceAll('{code}', court.code);
  return url.endsWith('/') ? url : `${url}/`;
}
