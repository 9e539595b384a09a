/**
 * `npm run bench [name-filter]`: runs every bench/*.bench.ts in turn, prints its figures, then one table of
 * every ratio with its goal.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { consoleReporter, ratioTable, type Benchmark, type RatioRow } from './harness';

const folder = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !filter || file.includes(filter))
  .sort();

if (files.length === 0) {
  console.error(filter ? `No benchmark matches "${filter}".` : 'No benchmarks found.');
  process.exit(1);
}
const ratios: RatioRow[] = [];
for (const file of files) {
  const benchmark = (await import(pathToFileURL(path.join(folder, file)).href)) as { default: Benchmark };
  console.log(`\n${benchmark.default.name} (${file})`);
  await benchmark.default.run(consoleReporter(file.replace(/\.bench\.ts$/, ''), ratios));
}
if (ratios.length > 0)
  console.log(`\nEvery ratio of this run, each against its baseline measured in the same run:\n${ratioTable(ratios)}`);
