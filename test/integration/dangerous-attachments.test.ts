/**
 * The file rule at the bridge, over a real loopback SMTP server: what the attack run slipped past the old
 * extension check is refused with a 400 that names the file and says why, before anything reaches IncaMail;
 * ordinary invoices and names that only look similar still go.
 */
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { renderFixturePdf } from '../support/pdf-fixture';
import { startSendsBridge, recordingAccounting, sendRequest } from '../support/smtp-bridge';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

const MZ = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, ...new Array(100).fill(0)]);
const text = (value: string) => new TextEncoder().encode(value);

describe('dangerous attachments at the bridge', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let pdf: Uint8Array;

  beforeAll(async () => {
    pdf = await renderFixturePdf('Rechnung 2026-0042');
  });
  beforeEach(async () => {
    sink = await startSmtpSink();
    ({ app } = await startSendsBridge({
      dir: tempDir(),
      accounting: recordingAccounting(),
      env: { INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
    }));
  });
  afterEach(async () => {
    await app.close();
    await sink.close();
  });

  const send = (name: string, bytes: Uint8Array, contentType = 'application/pdf', key = name) =>
    app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': `key-${encodeURIComponent(key)}`.slice(0, 200) },
      payload: sendRequest({
        attachments: [{ name, contentType, contentBase64: Buffer.from(bytes).toString('base64') }],
      }),
    });

  it.each([
    ['x.exe.', () => MZ, undefined, /\.exe/],
    ['x.exe. .', () => MZ, undefined, /\.exe/],
    ['x.exe::$DATA', () => MZ, undefined, /\.exe/],
    ['x.exe:payload', () => MZ, undefined, /\.exe/],
    ['x.exe\u200b', () => MZ, undefined, /\.exe/],
    // A NUL is refused before the file rule looks at the name: no control character passes a route.
    ['x.EXE\u0000', () => MZ, undefined, /control characters/],
    ['rechnung\u202efdp.exe', () => MZ, undefined, /\.exe/],
    ...'msix appx iso img vhd one xll chm scf url wsc inf application html svg'
      .split(' ')
      .map((ext) => [`file.${ext}`, () => text('plain'), undefined, new RegExp(`\\.${ext}`)] as const),
    [
      'tools.zip',
      () => zipSync({ 'docs/readme.txt': text('hi'), 'bin/setup.exe': MZ }),
      'application/zip',
      /bin\/setup\.exe/,
    ],
    ['broken.zip', () => text('PK not really'), 'application/zip', /cannot be checked/],
    ['Rechnung.pdf', () => MZ, undefined, /a program/],
    ['Rechnung.pdf', () => text('<!DOCTYPE html><script>steal()</script>'), undefined, /a web page/],
    ['Rechnung.pdf', () => text('#!/bin/sh\nrm -rf ~\n'), undefined, /a script/],
    ['Rechnung.pdf', () => pdf, 'application/x-msdownload', /application\/x-msdownload/],
  ] as const)('refuses %j, naming the file and why', async (name, bytes, contentType, why) => {
    const response = await send(name, bytes(), contentType ?? 'application/pdf', `${name}-${String(why)}`);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('bad_request');
    if (!name.includes('\u0000')) expect(error.message).toContain(name.replace(/[\u200b\u202e]/g, '').slice(0, 5));
    expect(error.message).toMatch(why);
    expect(sink.dataAttempts()).toBe(0);
  });

  it.each([
    ['Rechnung 2026.pdf', () => pdf, 'application/pdf'],
    ['report.exe.pdf', () => pdf, 'application/pdf'],
    ['photo.jpeg', () => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), 'image/jpeg'],
    ['data.csv', () => text('Nummer;Betrag\n2026-0042;1234.50\n'), 'text/csv'],
    ['Mahnung.xml', () => text('<?xml version="1.0"?><Invoice><Total>12.50</Total></Invoice>'), 'application/xml'],
    ['Belege.zip', () => zipSync({ 'Rechnung 2026.pdf': pdf, 'exe-liste.txt': text('x') }), 'application/zip'],
    ['mz-notes.txt', () => text('M and Z are letters'), 'text/plain'],
  ] as const)('sends %j', async (name, bytes, contentType) => {
    const response = await send(name, bytes(), contentType);
    expect(response.statusCode, response.body).toBe(202);
  });
});
