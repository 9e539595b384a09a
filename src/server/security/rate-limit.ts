import { AppError } from '../../contract/errors.js';

export type RateLimiter = { take: (key: string, now?: number) => void };

/**
 * A token bucket per caller: `limit` actions per `windowMs`, refilled continuously. Keeps a user (or a
 * stolen token) from flooding IncaMail with registered letters, which cost money and carry legal weight.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; what: string }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = options.limit / options.windowMs;
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: options.limit, at: now };
      bucket.tokens = Math.min(options.limit, bucket.tokens + (now - bucket.at) * ratePerMs);
      bucket.at = now;
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        const waitSeconds = Math.ceil((1 - bucket.tokens) / ratePerMs / 1000);
        throw new AppError('rate_limited', `Too many ${options.what}. Try again in ${waitSeconds} s.`);
      }
      bucket.tokens -= 1;
      buckets.set(key, bucket);
      // Forget idle callers so the map does not grow with every user who ever sent something.
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) if (now - b.at > options.windowMs) buckets.delete(k);
      }
    },
  };
}
