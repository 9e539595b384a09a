/**
 * Retries an assertion until it passes, for results that arrive in the background (the outbox worker, a
 * Playwright page): the last failure is thrown when `timeoutMs` runs out, so a wrong value still fails the
 * test, only later.
 */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = 5000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
