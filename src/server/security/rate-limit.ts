import { AppError } from '../../contract/errors.js';

export type RateLimiter = {
  /** Takes one action from the caller's bucket, or refuses (429) when it is empty. */
  take: (key: string, now?: number) => void;
  /** Refuses (429) as `take` would, without taking anything: for a check before costly work. */
  check: (key: string, now?: number) => void;
};

/**
 * A token bucket per caller: `limit` actions per `windowMs`, refilled continuously. Keeps a user (or a
 * stolen token) from flooding IncaMail with registered letters, which cost money and carry legal weight.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; what: string }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = options.limit / options.windowMs;
  function refill(key: string, now: number) {
    const bucket = buckets.get(key) ?? { tokens: options.limit, at: now };
    bucket.tokens = Math.min(options.limit, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const waitSeconds = Math.ceil((1 - bucket.tokens) / ratePerMs / 1000);
      throw new AppError('rate_limited', `Too many ${options.what}. Try again in ${waitSeconds} s.`);
    }
    return bucket;
  }
  return {
    take(key, now = Date.now()) {
      refill(key, now).tokens -= 1;
      // Forget idle callers so the map does not grow with every user who ever sent something.
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) if (now - b.at > options.windowMs) buckets.delete(k);
      }
    },
    check(key, now = Date.now()) {
      refill(key, now);
    },
  };
}
