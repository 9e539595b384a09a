/**
 * Reminder runs end to end: a batch of 500 reminders posted to the bridge (buildApp over a seeded ledger),
 * each rendered, stored in the outbox and submitted by SMTP to a loopback server, until the batch is done.
 * Baseline, in the same run and process: rendering the same 500 PDFs one after the other, plus nodemailer
 * sending the same 500 messages straight to the same server with the same number of connections at once.
 * Target: the batch takes at most 1.2 × that sum. The bridge draws its PDFs on worker threads (pdf-pool.ts),
 * beside the submissions, where the baseline draws them one after the other in one thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { BatchSchema } from '../src/contract/batches.schemas';
import { todayInSwitzerland } from '../src/server/accounting/ledger/dates';
import { generateLedgerData } from '../src/server/accounting/ledger/demo-data';
import { createBuiltInLedger } from '../src/server/accounting/ledger/ledger';
import { migrateLedger } from '../src/server/accounting/ledger/schema';
import { insertLedgerData } from '../src/server/accounting/ledger/seed';
import { buildApp } from '../src/server/app';
import { placeholderValues, renderTemplate } from '../src/contract/reminder-message';
import { BatchEnvSchema } from '../src/server/batches/batches-config';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/storage/database';
import { TEMPLATES } from '../test/support/batch-bridge';
import { signInAs } from '../test/support/dev-auth';
import { startCountingServer } from './counting-smtp';
import { median, type Benchmark } from './harness';

const REMINDERS = Number(process.env.BENCH_BATCH_REMINDERS ?? 500);
const ROUNDS = Number(process.env.BENCH_BATCH_ROUNDS ?? 3);
const CONNECTIONS = 4;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const benchmark: Benchmark = {
  name: `Reminder run: ${REMINDERS} reminders end to end vs. rendering their PDFs + a raw SMTP send`,
  async run(report) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-batches-'));
    const smtp = await startCountingServer();
    try {
      // A ledger large enough for REMINDERS open reminders with an address (about one per 8 invoices).
      const db = openDatabase(path.join(dir, 'data', 'ledgermail.sqlite'));
      migrateLedger(db);
      insertLedgerData(db, generateLedgerData({ referenceDate: todayInSwitzerland(), invoices: REMINDERS * 10 }));
      const ledger = createBuiltInLedger(db);
      const company = await ledger.getCompany();
      const reminders: { id: string; language: 'de' | 'fr' | 'it' | 'en'; email: string }[] = [];
      for (let cursor: string | undefined; reminders.length < REMINDERS;) {
        const query = {
          kind: 'reminder',
          status: ['open', 'overdue'],
          limit: 200,
          ...(cursor ? { cursor } : {}),
        } as const;
        const page = await ledger.listDocuments({ ...query, status: [...query.status] });
        for (const d of page.items) {
          if (d.customer.email) reminders.push({ id: d.id, language: d.customer.language, email: d.customer.email });
        }
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      reminders.splice(REMINDERS);
      report.note(`${reminders.length} reminders, ${CONNECTIONS} SMTP connections, ${ROUNDS} rounds`);

      const app = await buildApp({
        config: loadConfig({
          NODE_ENV: 'test',
          TLS: 'off',
          DATA_DIR: path.join(dir, 'data'),
          ADDIN_DIR: path.join(dir, 'dist'),
          LOG_LEVEL: 'silent',
          INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
          INCAMAIL_CONCURRENCY: String(CONNECTIONS),
          BATCH_CONCURRENCY: String(CONNECTIONS * 2),
          // Unpaced: the figure is the bridge's own cost, not the politeness limit.
          BATCH_RATE_PER_MINUTE: '1000000',
        }),
        logger: false,
      });
      await signInAs(app, 'anna.keller@example.ch');
      // The strongest honest baseline: nodemailer's pool, its connections kept open across messages.
      const direct = nodemailer.createTransport({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        ignoreTLS: true,
        pool: true,
        maxConnections: CONNECTIONS,
      });

      const baseline: number[] = [];
      const bridge: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Baseline 1: the 500 PDFs, rendered one after the other.
        let started = process.hrtime.bigint();
        const mails: Parameters<typeof direct.sendMail>[0][] = [];
        for (const reminder of reminders) {
          const document = (await ledger.getDocument(reminder.id))!;
          const invoice = (await ledger.getDocument(document.invoiceId!))!;
          const pdf = (await ledger.getDocumentPdf(reminder.id))!;
          const message = renderTemplate(
            TEMPLATES[reminder.language]![`${document.level!}`]!,
            placeholderValues({
              customerName: document.customer.name,
              language: reminder.language,
              reminders: [{ ...document, level: document.level!, invoice }],
              company,
            }),
          );
          mails.push({
            from: 'anna.keller@example.ch',
            to: `${reminder.email}.incamail.ch`,
            subject: `<r>${message.subject}`,
            html: message.html,
            attachments: [{ filename: pdf.fileName, content: pdf.content, contentType: 'application/pdf' }],
          });
        }
        const renderSeconds = seconds(started);
        // Baseline 2: the same messages sent raw, CONNECTIONS at once.
        started = process.hrtime.bigint();
        let next = 0;
        await Promise.all(
          Array.from({ length: CONNECTIONS }, async () => {
            while (next < mails.length) await direct.sendMail(mails[next++]!);
          }),
        );
        const sendSeconds = seconds(started);
        baseline.push(renderSeconds + sendSeconds);

        // The bridge: one POST, then polled as the task pane does.
        const before = smtp.count();
        started = process.hrtime.bigint();
        const posted = await app.inject({
          method: 'POST',
          url: '/api/batches',
          headers: { 'idempotency-key': `bench-${round}` },
          payload: { documentIds: reminders.map((r) => r.id), grouping: 'per-reminder', templates: TEMPLATES },
        });
        if (posted.statusCode !== 202) throw new Error(`batch refused: ${posted.body}`);
        const { id } = BatchSchema.parse(posted.json());
        for (;;) {
          const batch = BatchSchema.parse((await app.inject({ method: 'GET', url: `/api/batches/${id}` })).json());
          if (batch.status === 'done') {
            if (batch.counts.accepted !== reminders.length)
              throw new Error(`batch ended ${JSON.stringify(batch.counts)}`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        bridge.push(seconds(started));
        if (smtp.count() - before !== reminders.length) throw new Error('the server did not get one message each');
        report.note(
          `round ${round + 1}: PDFs ${renderSeconds.toFixed(2)} s + raw send ${sendSeconds.toFixed(2)} s; ` +
            `batch ${bridge.at(-1)!.toFixed(2)} s`,
        );
      }
      direct.close();
      await app.close();
      db.close();
      report.figure('render PDFs + raw nodemailer send (baseline)', 'median', median(baseline), 's');
      report.figure('batch through the bridge, end to end', 'median', median(bridge), 's');
      report.ratio('batch vs. baseline', median(bridge) / median(baseline), '≤ 1.2');
      // Measured unpaced; at the default rate a run's length is its pacing, whatever the bridge's own cost.
      const defaultRate = BatchEnvSchema.parse({}).BATCH_RATE_PER_MINUTE;
      report.figure(
        `the same run at the default ${defaultRate} a minute`,
        'at least',
        (REMINDERS / defaultRate) * 60,
        's',
      );
    } finally {
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
