/**
 * `npm run bench [name-filter]`: runs every bench/*.bench.ts in turn and prints its figures.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { consoleReporter, type Benchmark } from './harness';

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
for (const file of files) {
  const benchmark = (await import(pathToFileURL(path.join(folder, file)).href)) as { default: Benchmark };
  console.log(`\n${benchmark.default.name} (${file})`);
  await benchmark.default.run(consoleReporter());
}
