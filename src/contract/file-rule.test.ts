import { zipSync } from 'fflate';
import { base64Source, bytesSource, chunksSource } from './byte-source';
import { dangerousExtensionOf, normalizeFileName } from './file-names';
import { judgeAttachment } from './file-rule';
import { zipMemberNames } from './zip-names';

const text = (value: string) => new TextEncoder().encode(value);
const judge = (name: string, bytes: Uint8Array = text('%PDF-1.7'), contentType?: string) =>
  judgeAttachment({ name, content: bytesSource(bytes), ...(contentType ? { contentType } : {}) });

describe('the file rule', () => {
  it.each([
    ['x.exe.', 'x.exe'],
    ['x.exe. .', 'x.exe'],
    ['x.exe\u200b', 'x.exe'],
    ['x.e\u00adxe', 'x.exe'],
    ['Re\u0301sume\u0301.pdf', 'Résumé.pdf'],
    ['Rechnung 2026.pdf', 'Rechnung 2026.pdf'],
  ])('saves %j as %j', (name, saved) => {
    expect(normalizeFileName(name)).toBe(saved);
  });

  it.each(['x.exe::$DATA', 'x.exe:payload', 'x.EXE', 'a/b/x.exe', 'invoice.pdf.exe', 'Rechnung\u202efdp.exe'])(
    'judges %j by the extension it is saved with',
    (name) => {
      expect(dangerousExtensionOf(name)).toBe('exe');
    },
  );

  it.each(['report.exe.pdf', 'exe', '.exe-list.txt', 'x.exes', 'x.ex', 'Rechnung 2026.pdf', 'archive.tar.gz'])(
    'lets %j pass by name',
    (name) => {
      expect(dangerousExtensionOf(name)).toBeUndefined();
    },
  );

  it('sniffs programs, scripts and pages whatever the name, and leaves PDFs, XML and text alone', () => {
    expect(judge('a.pdf', Uint8Array.of(0x7f, 0x45, 0x4c, 0x46))).toEqual({ danger: 'content', content: 'program' });
    expect(judge('a.pdf', Uint8Array.of(0xcf, 0xfa, 0xed, 0xfe))).toEqual({ danger: 'content', content: 'program' });
    expect(judge('a.txt', text('#!/usr/bin/env python3\n'))).toEqual({ danger: 'content', content: 'script' });
    expect(judge('a.txt', text('\ufeff  <HTML><body>'))).toEqual({ danger: 'content', content: 'page' });
    expect(judge('a.xml', text('<?xml version="1.0"?>\n<svg width="1">'))).toEqual({
      danger: 'content',
      content: 'page',
    });
    expect(judge('a.xml', text('<?xml version="1.0"?><Invoice/>'))).toBeUndefined();
    expect(judge('a.txt', text('M'))).toBeUndefined();
    expect(judge('a.txt', text('MA'))).toBeUndefined();
    expect(judge('a.txt', text('#'))).toBeUndefined();
    expect(judge('a.pdf', text('%PDF-1.7'), 'application/pdf')).toBeUndefined();
    expect(judge('a.pdf', text('%PDF-1.7'), 'Application/X-MSDownload; x=1')).toEqual({
      danger: 'content-type',
      contentType: 'Application/X-MSDownload; x=1',
    });
  });

  it('looks into ZIPs one level, by content too, but not into office documents', () => {
    const tools = zipSync({ 'readme.txt': text('hi'), 'bin/Setup.EXE.': text('MZ') });
    expect(judge('tools.zip', tools)).toEqual({ danger: 'archive-member', member: 'bin/Setup.EXE.' });
    expect(judge('tools.pdf', tools)).toEqual({ danger: 'archive-member', member: 'bin/Setup.EXE.' });
    expect(
      judge('Belege.zip', zipSync({ 'a.pdf': text('%PDF'), 'inner.zip': zipSync({ 'x.exe': text('MZ') }) })),
    ).toBeUndefined();
    expect(judge('Offerte.docx', zipSync({ 'word/afchunk.mht': text('x') }))).toBeUndefined();
    expect(judge('empty.zip', zipSync({}))).toBeUndefined();
    expect(judge('fake.zip', text('not a zip'))).toEqual({ danger: 'unreadable-archive' });
    const cut = tools.subarray(0, tools.length - 30);
    expect(judge('cut.zip', cut)).toEqual({ danger: 'unreadable-archive' });
  });

  it('reads member names through data put in front, and refuses a directory claiming too many entries', () => {
    const zip = zipSync({ 'Rechnung.pdf': text('%PDF'), 'x.js': text('1') });
    const prefixed = new Uint8Array([...text('junk in front'), ...zip]);
    expect(zipMemberNames(bytesSource(prefixed))).toEqual(['Rechnung.pdf', 'x.js']);
    const lying = zip.slice();
    const eocd = lying.length - 22; // no archive comment: the end record closes the file
    lying[eocd + 10] = 0x11;
    lying[eocd + 11] = 0x27; // 10,001 entries
    expect(zipMemberNames(bytesSource(lying))).toBe('unreadable');
  });

  it('reads the same bytes from base64 and from chunks as from the whole file', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    const base64 = btoa(String.fromCharCode(...bytes.subarray(0, 998)));
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 500), bytes.subarray(500)];
    for (const [offset, length] of [
      [0, 4],
      [1, 5],
      [2, 300],
      [995, 10],
      [997, 1],
      [998, 4],
    ] as const) {
      expect(base64Source(base64).read(offset, length)).toEqual(bytes.subarray(offset, Math.min(998, offset + length)));
      expect(chunksSource(chunks).read(offset, length)).toEqual(bytes.subarray(offset, offset + length));
    }
    expect(base64Source(base64).size).toBe(998);
  });
});
