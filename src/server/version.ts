import { readFileSync } from 'node:fs';

/** The product version, from package.json (two levels up from both src/server and build/server). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
