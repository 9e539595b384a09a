/**
 * Minimal benchmark harness for `npm run bench`. Benchmarks print figures and ratios against a baseline
 * measured in the same run: the machines are shared and noisy, so medians and ratios mean more than times.
 */
export type Benchmark = { name: string; run: (report: Reporter) => Promise<void> };

export type Reporter = {
  /** A headline figure, e.g. `report.figure('search by q', 'p95', 3.2, 'ms')`. */
  figure: (subject: string, metric: string, value: number, unit: string) => void;
  /** A ratio against a baseline measured in the same run, with the target it is held to. */
  ratio: (subject: string, value: number, target: string) => void;
  note: (text: string) => void;
};

export function percentile(sortedOrUnsorted: readonly number[], p: number): number {
  const sorted = [...sortedOrUnsorted].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Times `fn` `count` times (after `warmup` untimed calls) and returns the durations in milliseconds. */
export async function timeEach(count: number, fn: (i: number) => unknown, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return durations;
}

export function consoleReporter(): Reporter {
  const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));
  return {
    figure: (subject, metric, value, unit) => console.log(`  ${subject}: ${metric} ${format(value)} ${unit}`),
    ratio: (subject, value, target) => console.log(`  ${subject}: ratio ${value.toFixed(2)} (target ${target})`),
    note: (text) => console.log(`  ${text}`),
  };
}
