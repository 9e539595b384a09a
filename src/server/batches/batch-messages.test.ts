import path from 'node:path';
import type { BatchRequest, Templates } from '../../contract/batches.schemas.js';
import { DEFAULT_MODE_BY_LEVEL } from '../../contract/batches.schemas.js';
import { MAX_UNMARKED_SUBJECT_LENGTH } from '../../contract/marking.js';
import { createBuiltInLedger, type BuiltInLedger } from '../accounting/ledger/ledger.js';
import { migrateLedger } from '../accounting/ledger/schema.js';
import { insertLedgerData } from '../accounting/ledger/seed.js';
import { openDatabase, type Db } from '../storage/database.js';
import { prepareMessages, type RunContext } from './batch-messages.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { PANE_TODAY, paneLedgerData } from '../../../test/support/pane-ledger';
import { useTempDir } from '../../../test/support/temp-dir';

const request = (documentIds: string[], over: Partial<BatchRequest> = {}): BatchRequest => ({
  documentIds,
  grouping: 'per-customer',
  modeByLevel: DEFAULT_MODE_BY_LEVEL,
  templates: {},
  ...over,
});

describe('the messages of a reminder run', () => {
  const dir = useTempDir();
  let db: Db;
  let ledger: BuiltInLedger;
  let run: RunContext;
  beforeEach(async () => {
    db = openDatabase(path.join(dir(), 'ledger.sqlite'));
    migrateLedger(db);
    insertLedgerData(db, paneLedgerData({ reminderRun: true }));
    ledger = createBuiltInLedger(db, { today: () => PANE_TODAY });
    const company = await ledger.getCompany();
    run = {
      accounting: ledger,
      allowedModes: ['registered', 'confidential'],
      defaults: DEFAULT_TEMPLATES,
      company,
      today: PANE_TODAY,
    };
  });
  afterEach(() => db.close());

  // M-2026-0001 is Bäckerei Brunner's reminder, in German, level 1.
  const runWithSubjectOf = (length: number): BatchRequest => {
    const suffix = ' {number}';
    const subject = 'M'.repeat(length - ' M-2026-0001'.length) + suffix;
    return request(['rem-101'], { templates: { de: { '1': { subject, body: 'Guten Tag' } } } });
  };

  it(`takes a rendered subject of ${MAX_UNMARKED_SUBJECT_LENGTH} characters and refuses one more, naming the template`, async () => {
    const [item] = await prepareMessages(runWithSubjectOf(MAX_UNMARKED_SUBJECT_LENGTH), run);
    expect(item!.subject).toHaveLength(MAX_UNMARKED_SUBJECT_LENGTH);
    // Marked, it is exactly IncaMail's limit: nothing is cut.
    expect(MAX_UNMARKED_SUBJECT_LENGTH + '<r>'.length).toBe(255);
    await expect(prepareMessages(runWithSubjectOf(MAX_UNMARKED_SUBJECT_LENGTH + 1), run)).rejects.toMatchObject({
      code: 'bad_request',
      details: [{ path: 'body.templates.de.1.subject', message: 'too long for M-2026-0001' }],
    });
  });

  it('sends one message per customer with all their reminders, in the template and mode of the highest level', async () => {
    const items = await prepareMessages(request(['rem-101', 'rem-103', 'rem-106']), run);
    expect(items.map((i) => [i.customerName, i.numbers, i.level, i.mode])).toEqual([
      ['Bäckerei Brunner AG', ['M-2026-0001', 'M-2026-0006'], 2, 'confidential'],
      ['Alpine Software GmbH', ['M-2026-0003'], 3, 'registered'],
    ]);
    const brunner = items[0]!;
    expect(brunner.documentIds).toEqual(['rem-101', 'rem-106']);
    expect(brunner.subject).toBe('2. Mahnung M-2026-0001, M-2026-0006');
    // 1’234.50 + 860.00 + the level-2 fee of 20.00; the earlier of the two deadlines.
    expect(brunner.text).toContain(
      'Wir bitten Sie, CHF\u00a02’114.50 einschliesslich Mahngebühr bis 23.03.2026 zu überweisen.',
    );
    expect(brunner.text).toContain('Alpenglut Werkstätten AG\nGewerbestrasse 14\n3011 Bern');
    expect(items[1]!.text).toContain(
      'This is our final reminder. Unless payment of CHF\u00a05’430.00 reaches us by 20.03.2026',
    );
  });

  it('sends one message per reminder when asked to', async () => {
    const items = await prepareMessages(request(['rem-101', 'rem-106'], { grouping: 'per-reminder' }), run);
    expect(items.map((i) => [i.numbers, i.level, i.subject])).toEqual([
      [['M-2026-0001'], 1, 'Zahlungserinnerung M-2026-0001'],
      [['M-2026-0006'], 2, '2. Mahnung M-2026-0006'],
    ]);
  });

  it('takes the run’s own wording for a level and the bridge’s for the others', async () => {
    const templates: Templates = { de: { '2': { subject: 'Zweite {number}', body: 'Bitte {amountDue}' } } };
    const items = await prepareMessages(request(['rem-101', 'rem-106'], { grouping: 'per-reminder', templates }), run);
    expect(items.map((i) => i.subject)).toEqual(['Zahlungserinnerung M-2026-0001', 'Zweite M-2026-0006']);
    expect(items[1]!.html).toBe('<p>Bitte CHF\u00a0880.00</p>');
  });

  it('refuses a reminder whose deadline has passed, a paid one and an invoice, naming each', async () => {
    db.prepare("UPDATE ledger_documents SET status = 'paid', open_cents = 0 WHERE id = 103").run();
    const refused = prepareMessages(request(['rem-101', 'rem-105', 'rem-103', 'inv-42']), run);
    await expect(refused).rejects.toMatchObject({
      code: 'bad_request',
      details: [
        {
          path: 'body.documentIds.1',
          message:
            'M-2026-0005 asks for payment by 2026-02-15, which is not after today; the accounting must date it anew',
        },
        { path: 'body.documentIds.2', message: 'M-2026-0003 is paid in the accounting and asks for nothing' },
        { path: 'body.documentIds.3', message: '2026-0042 is not a reminder' },
      ],
    });
  });

  it('pins the deadline rule on both sides: due the day after the run goes, due on the day of the run does not', async () => {
    const on = (today: string) => prepareMessages(request(['rem-101']), { ...run, today });
    await expect(on('2026-03-24')).resolves.toHaveLength(1);
    await expect(on('2026-03-25')).rejects.toMatchObject({ details: [{ path: 'body.documentIds.0' }] });
  });
});
