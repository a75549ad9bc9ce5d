import { courtData } from './court-data.js';
import type { Court, Instance } from './types.js';

/** The 111 military courts on sudrf.ru: 100 garrison, 9 okrug/fleet, the Appeal and the Cassation Military Court. */
export const militaryCourts: readonly Court[] = courtData;

const byCode = new Map(militaryCourts.map((c) => [c.code, c]));

export function findCourt(code: string): Court | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/** The court's site root on its preferred host, e.g. `https://gvs--sam.sudrf.ru/`. */
export function courtBaseUrl(court: Court): string {
  return `https://${court.hosts[0]}/`;
}

/**
 * The criminal instances a court's site lists. Okrug/fleet courts try some cases at first
 * instance (index `2-`) and hear garrison appeals (index `22-`).
 */
export function courtInstances(court: Court): Instance[] {
  switch (court.level) {
    case 'garrison':
      return ['first'];
    case 'okrug':
      return ['first', 'appeal'];
    case 'appeal':
      return ['appeal'];
    case 'cassation':
      return ['cassation'];
  }
}
