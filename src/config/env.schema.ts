import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const ms = (def: number) => z.coerce.number().int().min(0).default(def);
const list = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

/** Every setting of the service, read once from the environment. README lists them all. */
export const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
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
  PARSE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  JOB_BACKOFF_MS: ms(30_000),
  JOB_LOCK_MS: ms(60_000),
  USER_AGENT: z
    .string()
    .min(1)
    .default('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'),
  HTTP_PROXY_URL: z.url({ protocol: /^https?$/ }).optional(),

  PUBLICATION_LAG_WEEKS: z.coerce.number().int().min(0).max(52).default(4),
  COVERAGE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  SILENT_COURT_MIN_ROWS: z.coerce.number().int().min(1).default(5),

  API_KEYS: z.string().default(''),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('verdict-watch <alerts@localhost>'),
  OPS_EMAIL: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;
