import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import { AlertDetectionService } from '../src/alerts/alert-detection.service.js';
import { AlertScheduler } from '../src/alerts/alert.scheduler.js';
import { DigestService } from '../src/alerts/digest.service.js';
import { earsC } from '../src/alerts/ears.js';
import { addDays, weekStart } from '../src/common/iso-week.js';
import type { Env } from '../src/config/env.schema.js';
import type { RunningService } from '../src/service.js';
import { resetState, sql, startTestService, testEnv } from './support/test-service.js';

// ---------------------------------------------------------------- a real SMTP server that can refuse
interface Mail {
  to: string;
  subject: string;
  headers: Record<string, string>;
  text: string;
  html: string;
}

class SmtpCatcher {
  inbox: Mail[] = [];
  refusals = 0;
  refuse = false;
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.refuse) {
            this.refusals++;
            return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          }
          const to = session.envelope.rcptTo.map((r) => r.address);
          for (const address of to) this.inbox.push({ ...parseMail(Buffer.concat(chunks).toString('utf8')), to: address });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  to(address: string): Mail[] {
    return this.inbox.filter((m) => m.to === address);
  }
}

function decodeWords(s: string): string {
  return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _cs, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(body: string, encoding = '7bit'): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function parseMail(raw: string): Omit<Mail, 'to'> {
  const { headers, body } = splitHead(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1).map((p) => splitHead(p.replace(/^\r?\n/, ''))) : [{ headers, body }];
  const part = (type: string) => {
    const p = parts.find((x) => (x.headers['content-type'] ?? '').startsWith(type));
    return p ? decodeBody(p.body, p.headers['content-transfer-encoding']) : '';
  };
  return { subject: decodeWords(headers.subject ?? ''), headers, text: part('text/plain'), html: part('text/html') };
}

// ---------------------------------------------------------------- the scenario's data
const LAG = 2;
const courts = militaryCourts.filter((c) => c.level === 'garrison').slice(0, 3).map((c) => c.code);
const [A, B, C] = courts;
/** The newest week outside the publication lag: the one detection judges last. */
const spikeWeek = addDays(weekStart(new Date()), -7 * (LAG + 1));
const HISTORY = 30;
const weeks = Array.from({ length: HISTORY }, (_, i) => addDays(spikeWeek, -7 * (HISTORY - 1 - i)));
const perCourt = (court: number, i: number) => [3, 4, 3, 5, 4, 3, 4, 2][(i + court * 3) % 8];
const SPIKE = [25, 20, 15];

function totals(spike: boolean): number[] {
  return weeks.map((_, i) => (spike && i === HISTORY - 1 ? SPIKE[0] + SPIKE[1] + SPIKE[2] : courts.reduce((s, _c, k) => s + perCourt(k, i), 0)));
}

describe('alerts: spikes by email, data alerts, subscriptions (real SMTP, Postgres, Redis)', () => {
  const smtp = new SmtpCatcher();
  let env: Env;
  let service: RunningService;
  let detection: AlertDetectionService;
  const q = (name: string) => service.app.get<Queue>(getQueueToken(name));

  async function until(check: () => Promise<boolean> | boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`${what} not met in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Every queued email sent (or given up) and no detection pending. */
  async function settled(): Promise<void> {
    await until(async () => {
      const [d] = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM alert_deliveries WHERE status = 'pending'`);
      const counts = await Promise.all(['alerts', 'mail'].map((n) => q(n).getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
      return d.n === 0 && counts.every((c) => Object.values(c).every((v) => v === 0));
    }, 20_000, 'mail settled');
    await new Promise((r) => setTimeout(r, 200));
  }

  async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  /** The path and query of a link in a mail's text that starts with PUBLIC_URL + prefix. */
  function link(mail: Mail, prefix: string): string {
    const m = new RegExp(`https://vw\\.example\\.org(${prefix.replace(/[?.]/g, '\\$&')}[^\\s>]*)`).exec(mail.text);
    if (!m) throw new Error(`no ${prefix} link in: ${mail.text}`);
    return m[1];
  }

  async function subscribe(email: string, body: Record<string, unknown> = {}, confirm = true): Promise<void> {
    const before = smtp.to(email).length;
    const res = await api('POST', '/api/alert-subscriptions', { email, ...body });
    expect(res.status).toBe(202);
    await until(() => smtp.to(email).length > before, 15_000, `confirmation to ${email}`);
    const mail = smtp.to(email).at(-1)!;
    expect(mail.subject).toMatch(/Confirm your alert/);
    if (confirm) expect((await api('GET', link(mail, '/api/alert-subscriptions/confirm?'))).body.status).toBe('active');
  }

  /** Thirty weeks of convictions in three courts; `spikes` lists the week indexes that jump to 60. */
  async function seed(opts: { spike: boolean; blocked?: string; spikes?: number[] }): Promise<void> {
    const spikes = opts.spikes ?? (opts.spike ? [HISTORY - 1] : []);
    const rows: unknown[][] = [];
    weeks.forEach((week, i) => courts.forEach((court, k) => rows.push([week, court, spikes.includes(i) ? SPIKE[k] : perCourt(k, i)])));
    await sql(
      env,
      `INSERT INTO weekly_counts (week, series, court_code, article, part, count)
       SELECT w, 'convicted', c, '337', '*', n FROM unnest($1::date[], $2::text[], $3::int[]) AS t(w, c, n)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
    // A good crawl covered every court-week, except the blocked court's outage (the spike week).
    await sql(
      env,
      `INSERT INTO court_week_coverage (court_code, week, date_field, article, outcome, run_id, crawled_at)
       SELECT c, w, 'decided', '337', 'ok', 'seed', now() FROM unnest($1::date[], $2::text[]) AS t(w, c)
        WHERE NOT (c = $3 AND w = $4::date)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), opts.blocked ?? '', spikeWeek],
    );
    if (opts.blocked) {
      await sql(env, `UPDATE courts SET last_outcome = 'blocked', health_note = 'HTTP 403 from the site' WHERE code = $1`, [opts.blocked]);
    }
  }

  beforeAll(async () => {
    await smtp.start();
    env = testEnv('alerts', {
      QUEUE_PREFIX: 'talerts',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      OPS_EMAIL: 'ops@example.org',
      PUBLIC_URL: 'https://vw.example.org',
      PUBLICATION_LAG_WEEKS: String(LAG),
      ALERT_LOOKBACK_WEEKS: '2',
      ALERT_GROUP_WAIT_MS: '300',
      MAIL_ATTEMPTS: '12',
      MAIL_BACKOFF_MS: '100',
      LOG_LEVEL: 'error',
    });
    await resetState(env);
    service = await startTestService(env, { api: true, worker: true, scheduler: false });
    detection = service.app.get(AlertDetectionService);
  }, 60_000);

  afterAll(async () => {
    const db = service?.app.get(DataSource);
    await service?.close();
    if (db?.isInitialized) await db.destroy(); // DatabaseModule leaves its pool open on shutdown
    await smtp.stop();
  });

  beforeEach(async () => {
    await settled();
    await sql(env, `TRUNCATE alert_subscriptions, alerts, alert_deliveries, alert_delivery_items, subscription_hits, weekly_counts,
                    court_week_coverage, crawl_runs RESTART IDENTITY CASCADE`);
    await sql(env, `UPDATE courts SET enabled = code = ANY($1), last_outcome = 'ok', health_note = NULL, captcha_waiting = false,
                    last_crawl_at = now(), last_good_crawl_at = now()`, [courts]);
    smtp.inbox = [];
    smtp.refuse = false;
  }, 30_000);

  it('a spike week sends exactly one email per matching confirmed subscriber, with the right numbers; a second run sends none', async () => {
    await subscribe('alice@example.org'); // Art. 337, convictions, all courts, C2, immediately (the defaults)
    await subscribe('bob@example.org', { filters: { level: 'garrison' }, method: 'C1' });
    await subscribe('carol@example.org', { filters: { article: '338' } }); // follows another article
    await subscribe('dave@example.org', {}, false); // never confirms
    await subscribe('erin@example.org', { frequency: 'daily' });
    await seed({ spike: true });
    smtp.inbox = [];

    // The pipeline's hook: a parse job completes (here a stored page the parser does not recognise).
    const [page] = await sql<{ id: string }>(
      env,
      `INSERT INTO pages (url, court_code, status, headers, sha256, body_gzip, size, first_fetched_at, last_fetched_at)
       VALUES ('http://court.test/card', $1, 200, '{}', '\\x00', $2, 10, now(), now()) RETURNING id::text AS id`,
      [A, gzipSync('<html><body>nothing here</body></html>')],
    );
    await q('parse').add('card', { court: A, pageId: page.id, purpose: 'card' });
    await until(() => smtp.to('alice@example.org').length > 0 && smtp.to('bob@example.org').length > 0, 20_000, 'spike emails');
    await settled();

    const c2 = earsC(totals(true), { method: 'C2', minSigma: env.ALERT_MIN_SIGMA });
    const c1 = earsC(totals(true), { method: 'C1', minSigma: env.ALERT_MIN_SIGMA });
    const thresholdOf = (r: typeof c2) => r.upperbound[HISTORY - r.firstWeek];
    expect(c2.alarmWeeks).toContain(HISTORY);
    expect(c2.alarmWeeks).not.toContain(HISTORY - 1);

    for (const [who, r] of [['alice@example.org', c2], ['bob@example.org', c1]] as const) {
      const mails = smtp.to(who);
      expect(mails).toHaveLength(1);
      const [m] = mails;
      expect(m.subject).toContain(`60 (threshold ${thresholdOf(r).toFixed(1)})`);
      expect(m.text).toContain(`${spikeWeek}`);
      expect(m.text).toContain(`60 observed, threshold ${thresholdOf(r).toFixed(1)} (EARS ${r.method})`);
      expect(m.text).toMatch(/[▁▂▃▄▅▆▇█]{12}/); // the last twelve weeks as a sparkline
      expect(m.html).toContain('<table');
      expect(m.text).toContain('https://vw.example.org/?series=convicted&article=337');
      expect(m.text).toContain(`https://vw.example.org/api/cases.csv?series=convicted&article=337`);
      expect(m.headers['list-unsubscribe']).toMatch(/^<https:\/\/vw\.example\.org\/api\/alert-subscriptions\/unsubscribe\?token=/);
      expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    }
    expect(smtp.to('carol@example.org')).toHaveLength(0);
    expect(smtp.to('dave@example.org')).toHaveLength(0); // only ever got the confirmation
    expect(smtp.to('erin@example.org')).toHaveLength(0); // waits for her digest
    expect(smtp.to('ops@example.org')).toHaveLength(0);

    const stored = await sql<any>(env, `SELECT kind, method, observed, threshold, to_char(week, 'YYYY-MM-DD') AS week, sent_at FROM alerts ORDER BY method`);
    expect(stored).toHaveLength(2);
    expect(stored.map((a: any) => [a.kind, a.method, a.observed, a.week])).toEqual([
      ['spike', 'C1', 60, spikeWeek],
      ['spike', 'C2', 60, spikeWeek],
    ]);
    expect(stored[1].threshold).toBeCloseTo(thresholdOf(c2), 9);
    expect(stored.every((a: any) => a.sent_at)).toBe(true);
    const listed = await api('GET', '/api/alerts?kind=spike&method=C2');
    expect(listed.status).toBe(200);
    expect(listed.body.alerts).toMatchObject([{ kind: 'spike', week: spikeWeek, observed: 60, method: 'C2', part: 'all' }]);

    // A second and a third run find the same spike and send nothing.
    expect((await detection.run('again')).emails).toBe(0);
    expect((await detection.run('once more')).emails).toBe(0);
    await settled();
    expect(smtp.inbox).toHaveLength(2);

    // The daily digest gives erin the spike once; the next digest has nothing.
    expect(await service.app.get(DigestService).send('daily')).toBe(1);
    await settled();
    const digest = smtp.to('erin@example.org');
    expect(digest).toHaveLength(1);
    expect(digest[0].subject).toMatch(/Daily digest: 1 spike/);
    expect(digest[0].text).toContain('60 observed');
    expect(await service.app.get(DigestService).send('daily')).toBe(0);
  }, 90_000);

  it('a spike during a blocked court\'s outage sends a data alert to OPS and no spike email', async () => {
    await subscribe('alice@example.org');
    await seed({ spike: true, blocked: B });
    smtp.inbox = [];
    const summary = await detection.run('test');
    await settled();
    expect(summary).toMatchObject({ spikes: 0, heldBack: 1 });
    expect(smtp.to('alice@example.org')).toHaveLength(0);
    const ops = smtp.to('ops@example.org');
    expect(ops).toHaveLength(1); // the held-back spike and the blocked court, grouped
    expect(ops[0].text).toContain('Spike held back');
    expect(ops[0].text).toContain(`coverage 67% (2 of 3 courts) is below 80%`);
    expect(ops[0].text).toContain(`${B} blocks the crawler (blocked)`);
    expect(ops[0].text).toContain('Court blocks the crawler');
    expect(ops[0].text).toContain('HTTP 403 from the site');
    const stored = await sql<any>(env, `SELECT kind, reason, court_code FROM alerts ORDER BY id`);
    expect(stored).toEqual([
      { kind: 'data', reason: 'inhibited', court_code: null },
      { kind: 'data', reason: 'court-blocked', court_code: B },
    ]);
    // Deduplicated: a second run tells the operators nothing new.
    await detection.run('again');
    await settled();
    expect(smtp.to('ops@example.org')).toHaveLength(1);
  }, 60_000);

  it('several spikes found at once go out as one grouped email', async () => {
    await subscribe('alice@example.org');
    await seed({ spike: true, spikes: [HISTORY - 2, HISTORY - 1] });
    smtp.inbox = [];
    expect(await detection.run('two weeks')).toMatchObject({ spikes: 2, emails: 1 });
    await settled();
    const mails = smtp.to('alice@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/2 spikes/);
    expect(mails[0].text).toContain(`(${weeks[HISTORY - 2]} to`);
    expect(mails[0].text).toContain(`(${spikeWeek} to`);
  }, 60_000);

  it('a new spike of a series a subscriber just heard about waits for ALERT_REPEAT_HOURS', async () => {
    await subscribe('alice@example.org');
    await seed({ spike: true, spikes: [HISTORY - 2] }); // the week before the newest judged week
    smtp.inbox = [];
    await detection.run('first spike');
    await until(() => smtp.to('alice@example.org').length === 1);
    // The next week spikes too: same series, within the repeat interval, so no second email yet.
    await sql(env, `UPDATE weekly_counts SET count = count + 20 WHERE week = $1`, [spikeWeek]);
    expect(await detection.run('second spike')).toMatchObject({ spikes: 2, emails: 0 });
    await settled();
    expect(smtp.to('alice@example.org')).toHaveLength(1);
    // Once the interval has passed, the still-recent spike goes out, alone.
    await sql(env, `UPDATE subscription_hits SET queued_at = queued_at - $1 * interval '1 hour'`, [env.ALERT_REPEAT_HOURS + 1]);
    expect(await detection.run('later')).toMatchObject({ emails: 1 });
    await settled();
    const mails = smtp.to('alice@example.org');
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toContain(`Spike in`);
    expect(mails[1].text).toContain(`Week`);
    expect(mails[1].text).toContain(`(${spikeWeek} to`);
    expect(mails[0].text).toContain(`(${weeks[HISTORY - 2]} to`);
  }, 60_000);

  it('an SMTP server that refuses for a while gets the mail later, once', async () => {
    await subscribe('alice@example.org');
    await seed({ spike: true });
    smtp.inbox = [];
    smtp.refuse = true;
    await detection.run('test');
    await until(() => smtp.refusals >= 3, 15_000, 'three refusals');
    const [pending] = await sql<any>(env, `SELECT status, attempts, last_error FROM alert_deliveries WHERE kind = 'spike'`);
    expect(pending.status).toBe('pending');
    expect(pending.last_error).toMatch(/try again later/);
    smtp.refuse = false;
    await until(() => smtp.to('alice@example.org').length > 0, 20_000, 'the delayed spike email');
    await settled();
    expect(smtp.to('alice@example.org')).toHaveLength(1);
    expect(smtp.to('alice@example.org')[0].text).toContain('60 observed');
  }, 60_000);

  it('mail that ran out of attempts (or never got its job) is sent by the next run', async () => {
    await sql(
      env,
      `INSERT INTO alert_deliveries (kind, to_address, subject, text_body, html_body, status, attempts, last_error, created_at)
       VALUES ('ops', 'ops@example.org', 'gave up', 'text', '<p>html</p>', 'failed', 12, 'refused', now() - interval '1 hour'),
              ('ops', 'ops@example.org', 'lost job', 'text', '<p>html</p>', 'pending', 0, NULL, now() - interval '1 hour')`,
    );
    await detection.run('sweep');
    await until(() => smtp.to('ops@example.org').length === 2, 15_000, 'both mails');
    await settled();
    expect(smtp.to('ops@example.org').map((m) => m.subject).sort()).toEqual(['gave up', 'lost job']);
    const rows = await sql<any>(env, `SELECT status FROM alert_deliveries`);
    expect(rows.every((r: any) => r.status === 'sent')).toBe(true);
  }, 30_000);

  it('a stopped SMTP server gets the confirmation when it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    const res = await api('POST', '/api/alert-subscriptions', { email: 'frank@example.org' });
    expect(res.status).toBe(202);
    await until(async () => {
      const [d] = await sql<any>(env, `SELECT attempts FROM alert_deliveries WHERE kind = 'confirmation'`);
      return d?.attempts >= 2;
    }, 15_000, 'two failed attempts');
    await smtp.start(port);
    await until(() => smtp.to('frank@example.org').length > 0, 20_000, 'the confirmation');
    await settled();
    expect(smtp.to('frank@example.org')).toHaveLength(1);
  }, 60_000);

  it('unsubscribe works from the link alone, and nothing is sent afterwards', async () => {
    await subscribe('alice@example.org');
    await subscribe('gina@example.org');
    await seed({ spike: true });
    smtp.inbox = [];
    await detection.run('test');
    await until(() => smtp.to('alice@example.org').length > 0 && smtp.to('gina@example.org').length > 0);
    const [mail] = smtp.to('alice@example.org');
    const unsubscribe = link(mail, '/api/alert-subscriptions/unsubscribe?');
    expect(mail.headers['list-unsubscribe']).toBe(`<https://vw.example.org${unsubscribe}>`);
    const res = await fetch(`${service.url}${unsubscribe}`); // no key, no cookie: the link alone
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('unsubscribed');
    // One-click (RFC 8058): what a mail client POSTs.
    const gina = link(smtp.to('gina@example.org')[0], '/api/alert-subscriptions/unsubscribe?');
    const post = await fetch(`${service.url}${gina}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    // A new spike (the ledger and the log forgotten) reaches nobody.
    await sql(env, `TRUNCATE alerts, subscription_hits, alert_delivery_items, alert_deliveries CASCADE`);
    smtp.inbox = [];
    expect((await detection.run('after unsubscribe')).emails).toBe(0);
    await settled();
    expect(smtp.inbox).toHaveLength(0);
    expect((await api('GET', unsubscribe.replace('/unsubscribe?', '/manage?'))).body.status).toBe('unsubscribed');
  }, 60_000);

  it('an unconfirmed address gets nothing but the confirmation', async () => {
    await subscribe('dave@example.org', {}, false);
    await seed({ spike: true });
    expect((await detection.run('test')).emails).toBe(0);
    await settled();
    expect(smtp.to('dave@example.org')).toHaveLength(1);
    expect(smtp.to('dave@example.org')[0].subject).toMatch(/Confirm your alert/);
    // Posting again within minutes does not send a second confirmation.
    expect((await api('POST', '/api/alert-subscriptions', { email: 'Dave@Example.org ' })).status).toBe(202);
    await settled();
    expect(smtp.to('dave@example.org')).toHaveLength(1);
  }, 60_000);

  it('rejects bad parameters with a 400 that names them', async () => {
    const bad = await api('POST', '/api/alert-subscriptions', { email: 'x@example.org', filters: { article: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('filters.article');
    const court = await api('POST', '/api/alert-subscriptions', { email: 'x@example.org', filters: { court: 'NOPE' } });
    expect(court.status).toBe(400);
    expect(court.body.message).toContain('filters.court');
    const email = await api('POST', '/api/alert-subscriptions', { email: 'not-an-address' });
    expect(email.status).toBe(400);
    expect(email.body.message).toContain('email');
    const kind = await api('GET', '/api/alerts?kind=loud');
    expect(kind.status).toBe(400);
    expect(kind.body.message).toContain("'kind'");
    const token = await api('GET', '/api/alert-subscriptions/unsubscribe?token=short');
    expect(token.status).toBe(400);
    expect(token.body.message).toContain('token');
    const unknown = await api('GET', `/api/alert-subscriptions/unsubscribe?token=${'x'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    const docs = await api('GET', '/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/alerts', '/api/alert-subscriptions', '/api/alert-subscriptions/confirm', '/api/alert-subscriptions/unsubscribe', '/api/alert-subscriptions/manage']),
    );
  }, 30_000);

  it('a scheduler registers the detection and digest ticks, which only enqueue', async () => {
    const scheduler = await startTestService(env, { api: false, worker: false, scheduler: true });
    try {
      const registry = scheduler.app.get(SchedulerRegistry);
      expect(['alerts-detect', 'alerts-daily-digest', 'alerts-weekly-digest'].every((n) => registry.getCronJob(n))).toBe(true);
      const at = new Date('2026-03-02T07:00:00Z');
      await scheduler.app.get(AlertScheduler).digest('weekly', at);
      await scheduler.app.get(AlertScheduler).digest('weekly', at); // a second replica's tick: the same job
      const digests = await q('alert-digests').getJobs(['waiting', 'active', 'completed']);
      expect(digests.filter((j) => j.id === 'digest-weekly-20260302T0700')).toHaveLength(1);
    } finally {
      await scheduler.close();
    }
  }, 30_000);
});
