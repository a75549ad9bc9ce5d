import type { SeriesSnapshot } from './series-reader.js';

/**
 * Why a week's spike must not be sent (Alertmanager's inhibition: a firing "data is broken" alert mutes the
 * spike it would explain), or null when the week can be trusted: enough of the expected courts covered, and
 * none of them blocked, waiting for a captcha or without a good crawl for too long.
 */
export function inhibitionOf(s: SeriesSnapshot, index: number, coverageThreshold: number): string | null {
  const reasons: string[] = [];
  if (s.expected === 0) return 'no enabled court is expected for these filters';
  const coverage = s.covered[index] / s.expected;
  if (coverage < coverageThreshold) {
    reasons.push(
      `coverage ${Math.round(coverage * 100)}% (${s.covered[index]} of ${s.expected} courts) is below ${Math.round(coverageThreshold * 100)}%`,
    );
  }
  if (s.broken.length) reasons.push(`courts in trouble: ${s.broken.map((b) => `${b.code} ${b.why}`).join('; ')}`);
  return reasons.length ? reasons.join('; ') : null;
}
