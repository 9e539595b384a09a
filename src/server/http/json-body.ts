import type { FastifyInstance } from 'fastify';
import { AppError } from '../../contract/errors.js';

/**
 * The largest JSON body of every route but `POST /api/sends` (which carries a message; see
 * SEND_BODY_LIMIT_BYTES). The largest legitimate one is a reminder run at the contract's edges: twelve
 * templates (four languages, three levels) of 200 + 20,000 characters and 1,000 document ids of 100. zod counts
 * UTF-16 units, and an encoder may write each as a six-byte `\uXXXX` escape (Python's json.dumps does for every
 * non-ASCII character), so 12 × 20,200 × 6 + 1,000 × (100 × 6 + 3) bytes, about 2.1 MB; 4 MiB leaves room for
 * indentation. Anything
 * larger is refused while it is read, before a parser holds it.
 */
export const JSON_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The deepest nesting of arrays and objects a JSON body may have. The contract's deepest legitimate body has
 * four levels (a run's templates by language and level); 64 leaves any future schema room while staying far
 * below what costs anything. Without a bound, 40 MB of `[` made JSON.parse (and a tracker of open containers)
 * allocate per level: 5 GB of memory and seconds of a blocked event loop for a single request.
 */
export const MAX_JSON_DEPTH = 64;

export function tooDeeplyNested(): AppError {
  return new AppError(
    'bad_request',
    `The request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels of arrays and objects).`,
  );
}

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of arrays and objects in a JSON text, counted in one pass over its characters
 * (brackets inside strings aside) and only up to one level past MAX_JSON_DEPTH: that answer is all the parser
 * needs, and a hostile text then costs no more than reading it. Malformed text is left to JSON.parse.
 */
export function maxJsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      if (++depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) break;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth--;
    }
  }
  return deepest;
}

/**
 * The JSON parser of every route but `POST /api/sends` (which streams its own, see parseSendBody): the body is
 * read up to the route's limit (Fastify refuses more with a 413 as it reads), its depth checked, and only then
 * handed to Fastify's own parser, which keeps refusing prototype poisoning.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (maxJsonDepth(body as string) > MAX_JSON_DEPTH) done(tooDeeplyNested(), undefined);
    else parse(request, body as string, done);
  });
}
