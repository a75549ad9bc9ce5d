import { validateCronExpression } from 'cron';
import { z } from 'zod';
import { newsFeeds } from '../../scrapers/news/news-feeds.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const ms = (def: number) => z.coerce.number().int().min(0).default(def);
const cron = (def: string) =>
  z
    .string()
    .default(def)
    .refine((v) => validateCronExpression(v).valid, 'not a cron expression (e.g. 0 6 * * 1)');
const list = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

/** Every setting of the service, read once from the environment. README lists them all. */
export const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** The embedded database's folder, used when DATABASE_URL is not set (docs/deployment.md). */
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ROLE: z.enum(['api', 'worker', 'scheduler', 'all']).default('all'),
  MIGRATIONS_RUN: bool.default(true),
  /** Namespace of queue and limiter keys in Redis, so several deployments (or test files) can share one. */
  QUEUE_PREFIX: z.string().regex(/^[\w-]+$/, 'letters, digits, - and _ only').default('vw'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),

  /** Where a court's site lives; {host} and {code} are filled in per court. */
  COURT_BASE_URL: z.string().regex(/\{host\}|\{code\}/, 'must contain {host} or {code}').default('https://{host}/'),
  CRAWL_COURTS: list(''),
  CRAWL_ARTICLES: list('337,338,332,339,328'),
  CRAWL_SCHEDULE: z.string().default('0 3 * * *'),
  CRAWL_REVISIT_WEEKS: z.coerce.number().int().min(1).max(520).default(8),
  CRAWL_WINDOW_WEEKS: z.coerce.number().int().min(1).max(520).default(13),
  CRAWL_MIN_INTERVAL_MS: ms(3000),
  CRAWL_TIMEOUT_MS: ms(120_000),
  CRAWL_RETRIES: z.coerce.number().int().min(1).max(20).default(4),
  CRAWL_BACKOFF_BASE_MS: ms(5000),
  CRAWL_BACKOFF_MAX_MS: ms(300_000),
  CRAWL_RETRY_AFTER_MAX_MS: ms(600_000),
  CRAWL_FETCH_CARDS: bool.default(true),
  CRAWL_APPEALS: bool.default(true),
  FETCH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  PARSE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  JOB_BACKOFF_MS: ms(30_000),
  JOB_LOCK_MS: ms(60_000),
  /** How long a solved captcha is reused for its region (the sites reportedly accept one for about 6 h). */
  CAPTCHA_TTL_MS: ms(6 * 3600_000),
  USER_AGENT: z
    .string()
    .min(1)
    .default('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'),
  HTTP_PROXY_URL: z.url({ protocol: /^https?$/ }).optional(),

  PUBLICATION_LAG_WEEKS: z.coerce.number().int().min(0).max(52).default(4),
  COVERAGE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  SILENT_COURT_MIN_ROWS: z.coerce.number().int().min(1).default(5),

  /** `key:role` pairs, comma-separated; role reader (default) or admin, e.g. `k3y-one:admin,k3y-two:reader`. */
  API_KEYS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const keys: { key: string; role: 'reader' | 'admin' }[] = [];
      for (const entry of v.split(',').map((s) => s.trim()).filter(Boolean)) {
        const [key, role = 'reader', ...rest] = entry.split(':');
        if (rest.length || !/^[\w.~-]{8,}$/.test(key) || (role !== 'reader' && role !== 'admin')) {
          ctx.addIssue({ code: 'custom', message: 'expected key:role pairs (key of 8+ letters, digits, . ~ - _; role reader or admin)' });
          return z.NEVER;
        }
        keys.push({ key, role });
      }
      return keys;
    }),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('verdict-watch <alerts@localhost>'),
  OPS_EMAIL: z.string().optional(),

  /** Alerts (docs/alerts.md): detection tick, digests, repeat intervals, what counts as a broken court, mail retries. */
  ALERT_SCHEDULE: cron('0 6 * * 1'),
  ALERT_DAILY_DIGEST_SCHEDULE: cron('0 7 * * *'),
  ALERT_WEEKLY_DIGEST_SCHEDULE: cron('0 7 * * 1'),
  ALERT_GROUP_WAIT_MS: ms(600_000),
  ALERT_LOOKBACK_WEEKS: z.coerce.number().int().min(1).max(52).default(4),
  ALERT_MIN_SIGMA: z.coerce.number().min(0).max(1000).default(1),
  ALERT_REPEAT_HOURS: z.coerce.number().min(0).max(8760).default(168),
  ALERT_OPS_REPEAT_HOURS: z.coerce.number().min(0).max(8760).default(24),
  ALERT_STALE_DAYS: z.coerce.number().min(0.01).max(365).default(7),
  MAIL_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  MAIL_BACKOFF_MS: ms(30_000),

  /** News feeds (docs/news.md): tick, which feeds, where their hosts live, how mentions link to cases. */
  NEWS_SCHEDULE: cron('10 * * * *'),
  /** Feed keys of scrapers/news/news-feeds.ts to crawl; empty = every configured feed. */
  NEWS_FEEDS: list('').refine((keys) => keys.every((k) => newsFeeds.some((f) => f.key === k)), {
    message: `unknown feed key (known: ${newsFeeds.map((f) => f.key).join(', ')})`,
  }),
  /** Where a news host lives; {host} is filled in and the URL's path appended (tests and demos point it at the simulator). */
  NEWS_BASE_URL: z
    .string()
    .regex(/^https?:\/\/.*\{host\}.*\/$/, 'must be an http(s) URL containing {host} and ending in /')
    .default('https://{host}/'),
  NEWS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  NEWS_LINK_WINDOW_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  NEWS_LINK_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6),
  /** Unlinked mentions dated within this many days are matched again on each tick (courts publish late). */
  NEWS_RELINK_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
});

export type Env = z.infer<typeof envSchema>;
