/**
 * The largest JSON body of every route but `POST /api/sends` (which carries a message; see
 * SEND_BODY_LIMIT_BYTES). The largest legitimate one is a reminder run at the contract's edges: four
 * templates of 200 + 100,000 characters and 1,000 document ids of 100. zod counts UTF-16 units, and an encoder
 * may write each as a six-byte `\uXXXX` escape (Python's json.dumps does for every non-ASCII character), so
 * 4 × 100,200 × 6 + 1,000 × (100 × 6 + 3) bytes, about 3.0 MB; 4 MiB leaves room for indentation. Anything
 * larger is refused while it is read, before a parser holds it.
 */
export const JSON_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
