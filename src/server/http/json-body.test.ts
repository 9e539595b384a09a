import Fastify, { type FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { nestedJson } from '../../../test/support/nested-json';
import { installErrorHandling } from './errors.js';
import { installJsonBodyParser, JSON_BODY_LIMIT_BYTES, MAX_JSON_DEPTH, maxJsonDepth } from './json-body.js';

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('JSON nesting depth', () => {
  it('measures the nesting of any JSON text as its parsed value has it, brackets in strings aside', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', '\u00e9') });
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 8, stringUnit: fc.constantFrom('[', '{', '"', '\\', 'x') }),
        text,
        (v, t) => {
          expect(maxJsonDepth(JSON.stringify(v))).toBe(depthOf(v));
          expect(maxJsonDepth(JSON.stringify([t, { [t]: [v] }]))).toBe(3 + depthOf(v));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops counting past the limit, so a hostile text costs one pass and no memory', () => {
    expect(maxJsonDepth(nestedJson(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH);
    expect(maxJsonDepth('['.repeat(10_000_000))).toBe(MAX_JSON_DEPTH + 1);
  });
});

describe('the JSON body parser of every route but the send', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify({ logger: false, bodyLimit: JSON_BODY_LIMIT_BYTES });
    installErrorHandling(app);
    installJsonBodyParser(app);
    app.post('/echo', async (request) => ({ echoed: request.body }));
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (payload: string) =>
    app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });

  it(`parses a body nested exactly ${MAX_JSON_DEPTH} levels deep and refuses one level more, readably`, async () => {
    const atLimit = await post(nestedJson(MAX_JSON_DEPTH));
    expect(atLimit.statusCode).toBe(200);
    expect(depthOf(atLimit.json().echoed)).toBe(MAX_JSON_DEPTH);
    const deeper = await post(nestedJson(MAX_JSON_DEPTH + 1));
    expect([deeper.statusCode, deeper.json()]).toEqual([
      400,
      {
        error: {
          code: 'bad_request',
          message: `The request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels of arrays and objects).`,
        },
      },
    ]);
  });

  it('refuses a large hostile body on its depth, and a larger one on its size while reading it', async () => {
    const hostile = await post('['.repeat(JSON_BODY_LIMIT_BYTES));
    expect([hostile.statusCode, hostile.json().error.message]).toEqual([400, expect.stringMatching(/nested too deep/)]);
    const tooLarge = await post('['.repeat(JSON_BODY_LIMIT_BYTES + 1));
    expect([tooLarge.statusCode, tooLarge.json().error.code]).toEqual([413, 'payload_too_large']);
  });

  it('keeps what the framework parser refused: invalid JSON, an empty body, prototype poisoning', async () => {
    for (const payload of ['{', '', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"a":1}}}']) {
      const response = await post(payload);
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error.code, payload).toBe('bad_request');
    }
  });
});
