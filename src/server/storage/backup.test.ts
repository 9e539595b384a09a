import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { DocumentCountSchema } from '../../contract/documents.schemas.js';
import { SendRecordSchema } from '../../contract/sends.schemas.js';
import { signInAs } from '../../../test/support/dev-auth';
import { sendRequest } from '../../../test/support/smtp-bridge';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { useTempDir } from '../../../test/support/temp-dir';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { backupDatabase } from './backup.js';
import { openDatabase } from './database.js';

describe('backup of the database, taken while the bridge runs, and its restore', () => {
  const tempDir = useTempDir();
  const apps: FastifyInstance[] = [];
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await sink?.close();
  });

  async function bridgeOn(dataDir: string) {
    const config = loadConfig({
      TLS: 'off',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      ADDIN_DIR: path.join(dataDir, 'no-dist'),
      INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${sink!.port}`,
    });
    const app = await buildApp({ config, logger: false });
    apps.push(app);
    await signInAs(app);
    return app;
  }
  const invoiceCount = async (app: FastifyInstance) =>
    DocumentCountSchema.parse((await app.inject('/api/documents/count?kind=invoice')).json());

  it('copies a live database, writes going on, into a private file a new bridge starts from with every send', async () => {
    sink = await startSmtpSink();
    const dir = tempDir();
    const live = await bridgeOn(path.join(dir, 'data'));
    const posted = await live.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { 'idempotency-key': 'draft-backed-up' },
      payload: sendRequest({ documentIds: [] }),
    });
    const sent = SendRecordSchema.parse(posted.json());
    expect(sent.status).toBe('accepted');

    // Another connection writes the whole time the backup runs, as the bridge's outbox and audit log would.
    const file = path.join(dir, 'data', 'ledgermail.sqlite');
    const writer = openDatabase(file);
    writer.exec('CREATE TABLE backup_probe (n INTEGER NOT NULL)');
    const insert = writer.prepare('INSERT INTO backup_probe (n) VALUES (?)');
    for (let n = 0; n < 100; n++) insert.run(n);
    let writing = true;
    const writes = (async () => {
      let n = 100;
      while (writing) {
        insert.run(n++);
        await yieldToLoop();
      }
      return n;
    })();
    const target = path.join(dir, 'backups', 'ledgermail-copy.sqlite');
    const result = await backupDatabase(file, target);
    writing = false;
    const written = await writes;
    writer.close();
    expect(result.tables).toBeGreaterThan(10);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(target))).toEqual(['ledgermail-copy.sqlite']);

    // The copy is one consistent state: a prefix of the probe's rows, numbered without a gap.
    const copy = openDatabase(target);
    const probe = copy.prepare('SELECT count(*) AS rows, coalesce(max(n), -1) AS last FROM backup_probe').get() as {
      rows: number;
      last: number;
    };
    copy.close();
    expect(probe.rows).toBeGreaterThanOrEqual(100);
    expect(probe.rows).toBeLessThanOrEqual(written);
    expect(probe.last).toBe(probe.rows - 1);

    // Restored as the README says: the copy as ledgermail.sqlite of a new data directory.
    const restoredDir = path.join(dir, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(target, path.join(restoredDir, 'ledgermail.sqlite'));
    const restored = await bridgeOn(restoredDir);
    const byKey = await restored.inject('/api/sends/by-key?key=draft-backed-up');
    expect(byKey.statusCode).toBe(200);
    expect(SendRecordSchema.parse(byKey.json())).toMatchObject({ id: sent.id, status: 'accepted' });
    expect(await invoiceCount(restored)).toEqual(await invoiceCount(live));
  });

  it('never overwrites a file, and names a data directory without a database', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'ledgermail.sqlite');
    openDatabase(source).close();
    const target = path.join(dir, 'copy.sqlite');
    await backupDatabase(source, target);
    await expect(backupDatabase(source, target)).rejects.toThrow(/exists already/);
    await expect(
      backupDatabase(path.join(dir, 'elsewhere', 'ledgermail.sqlite'), path.join(dir, 'b.sqlite')),
    ).rejects.toThrow(/No database at/);
  });
});
