import path from 'node:path';
import Fastify from 'fastify';
import { useTempDir } from '../../../test/support/temp-dir';
import { installAuth } from '../auth/auth.plugin.js';
import { installErrorHandling } from '../http/errors.js';
import { openDatabase } from '../storage/database.js';
import { createAuditLog } from './audit-log.js';
import { installAudit } from './audit.plugin.js';

describe('audit log', () => {
  const tempDir = useTempDir();

  it('records who changed what with which result, readable by admins only', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'ledgermail.sqlite'));
    const app = Fastify({ logger: false });
    installErrorHandling(app);
    installAuth(
      app,
      { mode: 'dev', adminEmails: ['boss@example.ch'], senderAliases: new Map(), sendRatePerMinute: 60 },
      dir,
    );
    installAudit(app, createAuditLog(db));
    app.post('/api/things/:id', async () => ({ ok: true }));
    await app.ready();

    const token = async (email: string) => (await app.inject(`/api/dev/token?email=${email}`)).json().token as string;
    const anna = await token('anna@example.ch');
    await app.inject({
      method: 'POST',
      url: '/api/things/42',
      headers: { authorization: `Bearer ${anna}`, 'idempotency-key': 'k1' },
    });
    await app.inject({ method: 'POST', url: '/api/things/43' });

    expect(
      (await app.inject({ url: '/api/admin/audit', headers: { authorization: `Bearer ${anna}` } })).statusCode,
    ).toBe(403);
    const boss = await token('boss@example.ch');
    const { items } = (
      await app.inject({ url: '/api/admin/audit', headers: { authorization: `Bearer ${boss}` } })
    ).json();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ actorEmail: null, action: 'POST /api/things/:id', target: '43', result: '401' });
    expect(items[1]).toMatchObject({
      actorId: 'dev:anna@example.ch',
      actorEmail: 'anna@example.ch',
      action: 'POST /api/things/:id',
      target: '42',
      result: '200',
      details: { idempotencyKey: 'k1' },
    });
    await app.close();
    db.close();
  });
});
