import { describeFilters, type AlertFilters, type Frequency, type Method } from './alert-filters.js';
import type { RenderedEmail } from './alert-view.js';
import { escapeHtml, htmlDocument } from './email-parts.js';

const FREQUENCY: Record<Frequency, string> = { immediately: 'as soon as a spike is found', daily: 'in a daily digest', weekly: 'in a weekly digest' };

/** The double opt-in email: nothing else is ever sent to an address until its link is opened. */
export function renderConfirmationEmail(
  s: { filters: AlertFilters; courtName: string | null; method: Method; frequency: Frequency },
  links: { confirm: string; unsubscribe: string },
): RenderedEmail {
  const what = describeFilters(s.filters, s.courtName);
  const subject = `[verdict-watch] Confirm your alert: ${what}`;
  const body = `Someone (hopefully you) asked verdict-watch to email this address when the weekly count of ${what} spikes (EARS ${s.method}), ${FREQUENCY[s.frequency]}.`;
  const ignore = 'If it was not you, ignore this email: nothing will be sent without confirmation.';
  return {
    subject,
    text: `${body}\n\nConfirm: ${links.confirm}\n\n${ignore}\n\n--\nUnsubscribe (one click): ${links.unsubscribe}\n`,
    html: htmlDocument(
      subject,
      `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(links.confirm)}"><b>Confirm the alert</b></a></p><p>${escapeHtml(ignore)}</p>` +
        `<hr><p style="font-size:12px;color:#555"><a href="${escapeHtml(links.unsubscribe)}">Unsubscribe</a> (one click)</p>`,
    ),
    headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
