import type { Readable } from 'node:stream';
import { AppError } from '../../contract/errors.js';
import { MAX_MESSAGE_BYTES } from '../../contract/message-size.js';
import { MAX_JSON_DEPTH, tooDeeplyNested } from '../http/json-body.js';

/**
 * The largest request body the bridge reads. A message at IncaMail's limit carries its attachments as base64
 * without line breaks, so its JSON is shorter than the message; the margin is for a body with many escaped
 * characters. What is too large for IncaMail is refused by the outbox with the user's sizes, not here.
 */
export const SEND_BODY_LIMIT_BYTES = MAX_MESSAGE_BYTES + 12 * 1024 * 1024;

/**
 * Reads the JSON body of `POST /api/sends` without ever holding an attachment as base64 text. A 25 MB PDF is
 * 33 MB of base64; the usual way (body string, then JSON.parse) holds it twice as text plus once decoded, far
 * beyond the bridge's budget of three times the message size. Here every `contentBase64` value is decoded as
 * it streams in, into chunks of about 1 MB, and replaced in the JSON by a short marker that names its
 * chunks; the rest of the document is parsed with JSON.parse as usual, so the contract schema still checks it.
 */

/**
 * Base64 is decoded 64 KB of text at a time, written straight into chunks of 21 such pieces (1,008 KB). Small
 * pieces matter: a decoded text of a megabyte would be a large V8 string, freed only by a full collection, and
 * a 25 MB attachment would leave 35 MB of them behind.
 */
const PIECE_CHARACTERS = 64 * 1024;
const PIECE_BYTES = (PIECE_CHARACTERS / 4) * 3;
const CHUNK_BYTES = 21 * PIECE_BYTES;
const MARKER_PREFIX = 'lm-attachment-';
const CONTENT_KEY = Buffer.from('contentBase64');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Decoded attachment contents of a parsed body, keyed by the marker that stands in for their base64. */
const decodedContents = new WeakMap<object, Map<string, Buffer[]>>();

/**
 * Takes the decoded chunks behind a `contentBase64` value of a body read by `parseSendBody`. Taking them out
 * lets them be freed as soon as the outbox has stored them, while the request may wait for IncaMail's answer.
 */
export function takeDecodedContent(body: unknown, contentBase64: string): Buffer[] {
  const decoded = typeof body === 'object' && body !== null ? decodedContents.get(body) : undefined;
  const marker = Buffer.from(contentBase64, 'base64').toString('latin1');
  const chunks = decoded?.get(marker);
  if (!chunks) return [Buffer.from(contentBase64, 'base64')];
  decoded!.delete(marker);
  return chunks;
}

const NOT_BASE64 = /[^A-Za-z0-9+/]/;

function invalid(message: string): AppError {
  const details = [{ path: 'body.attachments', message }];
  return new AppError('bad_request', `Invalid request body: attachments: ${message}`, { details });
}

/** Streams one base64 value into binary chunks, checking the alphabet and the padding as it goes. */
class Base64Decoder {
  readonly chunks: Buffer[] = [];
  private readonly pending = Buffer.alloc(PIECE_CHARACTERS);
  private output = Buffer.allocUnsafe(CHUNK_BYTES);
  private outputLength = 0;
  private pendingLength = 0;
  private characters = 0;
  private padding = 0;
  private escaped = false;

  /** Consumes bytes up to the closing quote; returns the index after it, or -1 if the value continues. */
  consume(chunk: Buffer, start: number): number {
    let i = start;
    while (i < chunk.length) {
      // Fast path: the run of plain base64 characters up to the next quote, checked by one native regex
      // search and copied in one go.
      if (this.padding === 0 && !this.escaped) {
        const quote = chunk.indexOf(QUOTE, i);
        const limit = quote < 0 ? chunk.length : quote;
        const firstOther = chunk.toString('latin1', i, limit).search(NOT_BASE64);
        const end = firstOther < 0 ? limit : i + firstOther;
        if (end > i) {
          this.append(chunk, i, end);
          i = end;
          continue;
        }
      }
      const byte = chunk[i]!;
      if (this.escaped) {
        // JSON may escape the solidus (`\/`); no other escape can occur in base64.
        if (byte !== 0x2f) throw invalid('contentBase64 must be base64');
        this.escaped = false;
        this.append(chunk, i, i + 1);
      } else if (byte === QUOTE) {
        this.finish();
        return i + 1;
      } else if (byte === BACKSLASH) {
        this.escaped = true;
      } else if (byte === 0x3d && this.padding < 2) {
        this.padding++;
        this.append(chunk, i, i + 1);
      } else {
        throw invalid('contentBase64 must be base64');
      }
      i++;
    }
    return -1;
  }

  private append(source: Buffer, from: number, to: number): void {
    let at = from;
    while (at < to) {
      const take = Math.min(to - at, this.pending.length - this.pendingLength);
      source.copy(this.pending, this.pendingLength, at, at + take);
      this.pendingLength += take;
      this.characters += take;
      at += take;
      if (this.pendingLength === this.pending.length) this.flush();
    }
  }

  private flush(): void {
    const whole = this.pendingLength - (this.pendingLength % 4);
    if (whole === 0) return;
    if (this.outputLength + PIECE_BYTES > CHUNK_BYTES) this.pushOutput();
    this.outputLength += this.output.write(this.pending.toString('latin1', 0, whole), this.outputLength, 'base64');
    this.pending.copy(this.pending, 0, whole, this.pendingLength);
    this.pendingLength -= whole;
  }

  private pushOutput(): void {
    if (this.outputLength === 0) return;
    // A partly filled chunk is copied to its size, so a small attachment does not hold a whole chunk.
    const full = this.outputLength === this.output.length;
    this.chunks.push(full ? this.output : Buffer.from(this.output.subarray(0, this.outputLength)));
    this.output = full ? Buffer.allocUnsafe(CHUNK_BYTES) : this.output;
    this.outputLength = 0;
  }

  private finish(): void {
    if (this.characters % 4 !== 0) throw invalid('contentBase64 must be base64 (length a multiple of 4)');
    this.flush();
    this.pushOutput();
  }
}

type Container = { kind: 'object' | 'array'; expectKey: boolean };

/**
 * Parses the body, enforcing `limit` bytes and MAX_JSON_DEPTH. Strings other than `contentBase64` values are copied as they are
 * (escapes included) and left to JSON.parse.
 */
export async function parseSendBody(stream: Readable, limit: number): Promise<unknown> {
  const skeleton: Buffer[] = [];
  const contents = new Map<string, Buffer[]>();
  const stack: Container[] = [];
  let received = 0;
  let inString = false;
  let stringIsKey = false;
  let escaped = false;
  // How much of `contentBase64` the key being read matched so far (-1: not it). Keys are never collected: a
  // key of 40 MB, one JS number a byte, once cost 1.4 GB and seconds of the event loop.
  let keyMatched = -1;
  let afterContentKey = false;
  let decoder: Base64Decoder | undefined;

  for await (const data of stream) {
    const chunk = data as Buffer;
    received += chunk.length;
    if (received > limit) throw new AppError('payload_too_large', 'The request is too large.');
    let copyFrom = 0;
    let i = 0;
    while (i < chunk.length) {
      if (decoder) {
        const end = decoder.consume(chunk, i);
        if (end < 0) {
          i = chunk.length;
          copyFrom = chunk.length;
          break;
        }
        const marker = `${MARKER_PREFIX}${contents.size}`;
        contents.set(marker, decoder.chunks);
        skeleton.push(Buffer.from(`${Buffer.from(marker, 'latin1').toString('base64')}"`));
        decoder = undefined;
        i = end;
        copyFrom = end;
        continue;
      }
      const byte = chunk[i]!;
      const top = stack.at(-1);
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) {
          inString = false;
          if (stringIsKey) afterContentKey = keyMatched === CONTENT_KEY.length;
        }
        if (stringIsKey && (inString || escaped)) {
          keyMatched = keyMatched >= 0 && CONTENT_KEY[keyMatched] === byte ? keyMatched + 1 : -1;
        }
      } else if (byte === QUOTE) {
        stringIsKey = top?.kind === 'object' && top.expectKey;
        if (stringIsKey) {
          keyMatched = 0;
          inString = true;
        } else if (top?.kind === 'object' && afterContentKey) {
          // The opening quote stays in the skeleton; the marker and the closing quote follow the value.
          skeleton.push(chunk.subarray(copyFrom, i + 1));
          copyFrom = i + 1;
          decoder = new Base64Decoder();
        } else {
          inString = true;
        }
      } else if (byte === 0x7b || byte === 0x5b) {
        // Refused here, as the body streams, before any level too many costs memory (see MAX_JSON_DEPTH).
        if (stack.length === MAX_JSON_DEPTH) throw tooDeeplyNested();
        stack.push({ kind: byte === 0x7b ? 'object' : 'array', expectKey: byte === 0x7b });
      } else if (byte === 0x7d || byte === 0x5d) {
        stack.pop();
      } else if (byte === 0x3a && top?.kind === 'object') {
        top.expectKey = false;
      } else if (byte === 0x2c && top?.kind === 'object') {
        top.expectKey = true;
        afterContentKey = false;
      }
      i++;
    }
    if (copyFrom < chunk.length) skeleton.push(chunk.subarray(copyFrom));
  }
  if (decoder) throw invalid('contentBase64 is not terminated');

  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(skeleton).toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
  if (typeof body === 'object' && body !== null) decodedContents.set(body, contents);
  return body;
}
