// How a simulated court misbehaves, set per court at start or at run time.

export const BEHAVIOUR_KINDS = ['ok', 'captcha', 'blocked', 'down', 'slow', 'flaky', 'layout-change', 'antibot'] as const;
export type BehaviourKind = (typeof BEHAVIOUR_KINDS)[number];

export interface BehaviourSpec {
  kind: BehaviourKind;
  /** slow: delay before every answer (default 1500 ms). */
  delayMs?: number;
  /** flaky: how many requests in a row get 503 (default 3). */
  failures?: number;
  /** flaky: after the failures, this many requests succeed, then the burst repeats (default: never repeats). */
  every?: number;
  /** flaky: the Retry-After header in seconds (default 1). */
  retryAfterSeconds?: number;
  /** blocked: 403 (default) or 200; antibot: 200 (default) or 401. */
  status?: number;
}

export type Behaviour = BehaviourKind | BehaviourSpec;

export function normalizeBehaviour(b: Behaviour): BehaviourSpec {
  const spec = typeof b === 'string' ? { kind: b } : { ...b };
  if (!BEHAVIOUR_KINDS.includes(spec.kind)) throw new RangeError(`unknown behaviour: ${String(spec.kind)}`);
  return spec;
}

/** `captcha`, `slow:3000`, `flaky:5`, `flaky:2/10`, `blocked:200` — the CLI spelling. */
export function parseBehaviour(text: string): BehaviourSpec {
  const [kind, arg] = text.split(':') as [BehaviourKind, string | undefined];
  const spec = normalizeBehaviour(kind);
  if (arg === undefined) return spec;
  if (spec.kind === 'slow') spec.delayMs = Number(arg);
  else if (spec.kind === 'flaky') {
    const [failures, every] = arg.split('/');
    spec.failures = Number(failures);
    if (every !== undefined) spec.every = Number(every);
  } else if (spec.kind === 'blocked' || spec.kind === 'antibot') spec.status = Number(arg);
  return spec;
}

/** Whether the n-th request (from 0) since the behaviour was set fails under `flaky`. */
export function flakyFails(spec: BehaviourSpec, n: number): boolean {
  const failures = spec.failures ?? 3;
  if (spec.every === undefined) return n < failures;
  return n % (failures + spec.every) < failures;
}
