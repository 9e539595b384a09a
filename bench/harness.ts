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

/** A ratio as the summary table lists it, with the benchmark it came from. */
export type RatioRow = { benchmark: string; subject: string; value: number; target: string };

/** Prints as it goes; every ratio is also added to `ratios`, for the table at the end of the run. */
export function consoleReporter(benchmark = '', ratios: RatioRow[] = []): Reporter {
  const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3));
  return {
    figure: (subject, metric, value, unit) => console.log(`  ${subject}: ${metric} ${format(value)} ${unit}`),
    ratio: (subject, value, target) => {
      ratios.push({ benchmark, subject, value, target });
      console.log(`  ${subject}: ratio ${value.toFixed(2)} (target ${target})`);
    },
    note: (text) => console.log(`  ${text}`),
  };
}

/** One table of every ratio the run measured against its baseline, with its goal. */
export function ratioTable(rows: readonly RatioRow[]): string {
  const cells = [
    ['benchmark', 'ratio against its baseline', 'value', 'goal'],
    ...rows.map((r) => [r.benchmark, r.subject, r.value.toFixed(2), r.target]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(cells[0]!), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}
