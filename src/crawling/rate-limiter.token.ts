/** Injection token of the per-court RateLimiter chosen at the composition root (Redis or in-memory). */
export const RATE_LIMITER = Symbol('RATE_LIMITER');
