import { AppError } from '../../contract/errors.js';

/**
 * The largest JSON body of every route but `POST /api/sends` (which carries a message; see
 * SEND_BODY_LIMIT_BYTES). The largest legitimate one is a reminder run at the contract's edges: four
 * templates of 200 + 100,000 characters and 1,000 document ids of 100. zod counts UTF-16 units, and an encoder
 * may write each as a six-byte `\uXXXX` escape (Python's json.dumps does for every non-ASCII character), so
 * 4 × 100,200 × 6 + 1,000 × (100 × 6 + 3) bytes, about 3.0 MB; 4 MiB leaves room for indentation. Anything
 * larger is refused while it is read, before a parser holds it.
 */
export const JSON_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The deepest nesting of arrays and objects a JSON body may have. The contract's deepest legitimate body has
 * three levels (a send's attachments, a run's templates); 64 leaves any future schema room while staying far
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
