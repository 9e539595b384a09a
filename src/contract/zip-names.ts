import type { ByteSource } from './byte-source.js';

/**
 * The member names of a ZIP archive, read from its central directory only (APPNOTE.TXT, PKWARE's ZIP
 * specification: end of central directory record 4.3.16, ZIP64 locator and record 4.3.14–15, central file
 * header 4.3.12). Nothing is decompressed. A small reader of our own: no ZIP library is a dependency of the
 * add-in (fflate is only there inside pdfkit), and fflate's unzip trusts the entry count it reads. Bounded:
 * the directory is read once, at most MAX_DIRECTORY_BYTES and MAX_ENTRIES, every offset checked against
 * what was read. `unreadable` when the archive does not follow the format: the caller fails closed.
 */
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_TAIL = 22 + 0xffff;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
/** A ZIP64 field; beyond 2^53 it cannot be an offset in a file the bridge accepts anyway. */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** `PK\3\4` (a local header) or `PK\5\6` (an empty archive) at the start. */
export function looksLikeZip(head: Uint8Array): boolean {
  return (
    head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && [3, 5].includes(head[2]!) && head[3] === head[2]! + 1
  );
}

type Directory = { entries: number; size: number; offset: number; end: number };

function findDirectory(source: ByteSource): Directory | undefined {
  const tailStart = Math.max(0, source.size - MAX_TAIL);
  const tail = source.read(tailStart, source.size - tailStart);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) !== EOCD || at + 22 + u16(tail, at + 20) > tail.length) continue;
    const record = { entries: u16(tail, at + 10), size: u32(tail, at + 12), offset: u32(tail, at + 16) };
    const end = tailStart + at;
    if (record.entries !== 0xffff && record.size !== 0xffffffff && record.offset !== 0xffffffff) {
      return { ...record, end };
    }
    if (at < 20 || u32(tail, at - 20) !== ZIP64_LOCATOR) return undefined;
    const zip64At = u64(tail, at - 12);
    const zip64 = source.read(zip64At, 56);
    if (zip64.length < 56 || u32(zip64, 0) !== ZIP64_EOCD) return undefined;
    return { entries: u64(zip64, 32), size: u64(zip64, 40), offset: u64(zip64, 48), end: zip64At };
  }
  return undefined;
}

export function zipMemberNames(source: ByteSource): string[] | 'unreadable' {
  const directory = findDirectory(source);
  if (!directory || directory.entries > MAX_ENTRIES || directory.size > MAX_DIRECTORY_BYTES) return 'unreadable';
  // Data put in front of the archive (self-extractors) shifts every offset: the directory then ends at the record.
  const candidates = [directory.offset, directory.end - directory.size];
  const start = candidates.find(
    (at) => at >= 0 && at + directory.size <= directory.end && u32(source.read(at, 4), 0) === CENTRAL_HEADER,
  );
  if (start === undefined && directory.entries > 0) return 'unreadable';
  const bytes = source.read(start ?? 0, directory.size);
  const decoder = new TextDecoder('utf-8');
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < directory.entries; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_HEADER) return 'unreadable';
    const nameEnd = at + 46 + u16(bytes, at + 28);
    if (nameEnd > bytes.length) return 'unreadable';
    // Bit 11 marks UTF-8; other names are CP437, whose ASCII part (all an extension is made of) is the same.
    names.push(decoder.decode(bytes.subarray(at + 46, nameEnd)));
    at = nameEnd + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}
