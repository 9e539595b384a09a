import { Readable } from 'node:stream';
import fc from 'fast-check';
import { nestedJson } from '../../../test/support/nested-json';
import { AppError } from '../../contract/errors.js';
import { MAX_JSON_DEPTH } from '../http/json-body.js';
import { takeDecodedContent, parseSendBody } from './send-body-parser.js';

/** The body as the network may deliver it: cut at arbitrary points. */
function streamOf(text: string, cuts: number[] = []): Readable {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...points, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i ? ends[i - 1] : 0, end));
  return Readable.from(pieces.filter((p) => p.length > 0));
}

async function parse(text: string, cuts: number[] = [], limit = 1e8) {
  const body = (await parseSendBody(streamOf(text, cuts), limit)) as Record<string, unknown>;
  const attachments = (body.attachments ?? []) as { contentBase64: string }[];
  return { body, contents: attachments.map((a) => Buffer.concat(takeDecodedContent(body, a.contentBase64))) };
}

async function failure(text: string, limit = 1e8): Promise<AppError> {
  try {
    await parse(text, [], limit);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('send body parser', () => {
  it('parses like JSON.parse and hands over the attachments decoded, however the body is cut', async () => {
    const attachment = fc.record({
      name: fc.string(),
      contentType: fc.constant('application/pdf'),
      content: fc.uint8Array({ maxLength: 3000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ subject: fc.string(), html: fc.string(), to: fc.array(fc.string()), extra: fc.jsonValue() }),
        fc.array(attachment, { maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (fields, files, cuts) => {
          const request = {
            ...fields,
            attachments: files.map((f) => ({
              name: f.name,
              contentType: f.contentType,
              contentBase64: Buffer.from(f.content).toString('base64'),
            })),
          };
          const text = JSON.stringify(request);
          const { body, contents } = await parse(text, cuts);
          const expected = JSON.parse(text) as typeof request;
          expect({ ...body, attachments: undefined }).toEqual({ ...expected, attachments: undefined });
          expect(contents).toEqual(files.map((f) => Buffer.from(f.content)));
          expect((body.attachments as { name: string }[]).map((a) => a.name)).toEqual(files.map((f) => f.name));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('decodes a large attachment into 1 MB chunks', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 7, 0xa5);
    const text = JSON.stringify({ attachments: [{ name: 'a.pdf', contentBase64: content.toString('base64') }] });
    const body = (await parseSendBody(streamOf(text, [1000, 70_000, 2_000_000]), 1e8)) as {
      attachments: { contentBase64: string }[];
    };
    const chunks = takeDecodedContent(body, body.attachments[0]!.contentBase64);
    expect(chunks).toHaveLength(4);
    expect(chunks.every((c) => c.length <= 1024 * 1024)).toBe(true);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    // The marker that stands in for the base64 is itself valid base64, so the contract schema accepts it.
    expect(body.attachments[0]!.contentBase64).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
  });

  it('decodes the values of contentBase64 keys only, not of keys that begin or end like it', async () => {
    const keys = ['contentBase64x', 'contentBase6', 'xcontentBase64', 'contentBase64'.repeat(1000)];
    const text = JSON.stringify({
      attachments: [{ ...Object.fromEntries(keys.map((k) => [k, 'YQ=='])), contentBase64: 'YQ==' }],
    });
    const { body, contents } = await parse(text, [7, 20]);
    const [attachment] = body.attachments as Record<string, string>[];
    for (const key of keys) expect(attachment![key], key.slice(0, 20)).toBe('YQ==');
    expect(attachment!.contentBase64).not.toBe('YQ==');
    expect(contents).toEqual([Buffer.from('a')]);
  });

  it('accepts an escaped solidus, as some JSON encoders write it', async () => {
    const { contents } = await parse('{"attachments":[{"contentBase64":"\\/\\/8="}]}');
    expect(contents[0]).toEqual(Buffer.from([0xff, 0xff]));
  });

  it('refuses what is not base64, naming the field', async () => {
    for (const value of ['abc', 'ab=c', 'a b=', 'YQ==YQ==', 'Zm9v\\n', 'YQ===']) {
      const error = await failure(`{"attachments":[{"contentBase64":"${value}"}]}`);
      expect([error.code, error.details?.[0]?.path]).toEqual(['bad_request', 'body.attachments']);
    }
    expect((await failure('{"attachments":[{"contentBase64":"YQ==')).code).toBe('bad_request');
    expect((await failure('{"subject": "unterminated')).message).toMatch(/not valid JSON/);
  });

  it('stops reading beyond the size limit', async () => {
    const error = await failure(JSON.stringify({ html: 'x'.repeat(5000) }), 1000);
    expect([error.code, error.status]).toEqual(['payload_too_large', 413]);
  });

  /** A send's usual field beside a value nested so that the whole body is `depth` levels deep. */
  const nested = (depth: number) => `{"subject":"x","deep":${nestedJson(depth - 1)}}`;

  it(`reads a body nested exactly ${MAX_JSON_DEPTH} levels deep and refuses one level more`, async () => {
    const { body } = await parse(nested(MAX_JSON_DEPTH), [3, 40]);
    expect(body.subject).toBe('x');
    const error = await failure(nested(MAX_JSON_DEPTH + 1));
    expect([error.code, error.status, error.message]).toEqual([
      'bad_request',
      400,
      `The request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels of arrays and objects).`,
    ]);
  });

  it('counts brackets outside strings only, escaped quotes included', async () => {
    const brackets = '[{'.repeat(5000);
    const { body } = await parse(JSON.stringify({ subject: brackets, html: `\\"${brackets}` }));
    expect(body.subject).toBe(brackets);
  });

  it('stops reading a hostile body at the first level too deep, long before its end', async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(64 * 1024, '[');
    const endless = Readable.from(
      (function* () {
        // 40 MB of `[`, handed out lazily: the parser must stop asking for more.
        for (; pulled < 640; pulled++) yield chunk;
      })(),
    );
    await expect(parseSendBody(endless, 1e9)).rejects.toThrow(/nested too deeply/);
    expect(pulled).toBeLessThanOrEqual(2);
  });
});
