import path from 'node:path';
import type { BatchRequest } from '../../contract/batches.schemas.js';
import { DEFAULT_MODE_BY_LEVEL } from '../../contract/batches.schemas.js';
import { MAX_UNMARKED_SUBJECT_LENGTH } from '../../contract/marking.js';
import { createBuiltInLedger } from '../accounting/ledger/ledger.js';
import { migrateLedger } from '../accounting/ledger/schema.js';
import { insertLedgerData } from '../accounting/ledger/seed.js';
import { openDatabase, type Db } from '../storage/database.js';
import { prepareMessages } from './batch-messages.js';
import { PANE_TODAY, paneLedgerData } from '../../../test/support/pane-ledger';
import { useTempDir } from '../../../test/support/temp-dir';

/** The subject limit of a reminder run, pinned on both sides: IncaMail takes 255, the marking needs its prefix. */
describe('reminder run subjects at their limit', () => {
  const dir = useTempDir();
  let db: Db;
  beforeEach(() => {
    db = openDatabase(path.join(dir(), 'ledger.sqlite'));
    migrateLedger(db);
    insertLedgerData(db, paneLedgerData());
  });
  afterEach(() => db.close());

  // M-2026-0001 is Bäckerei Brunner's reminder, in German.
  const runWithSubjectOf = (length: number): BatchRequest => {
    const suffix = ' {number}';
    return {
      documentIds: ['rem-101'],
      modeByLevel: DEFAULT_MODE_BY_LEVEL,
      templates: { de: { subject: 'M'.repeat(length - ' M-2026-0001'.length) + suffix, html: '<p>Guten Tag</p>' } },
    };
  };

  it(`takes a rendered subject of ${MAX_UNMARKED_SUBJECT_LENGTH} characters and refuses one more, naming the template`, async () => {
    const ledger = createBuiltInLedger(db, { today: () => PANE_TODAY });
    const [item] = await prepareMessages(runWithSubjectOf(MAX_UNMARKED_SUBJECT_LENGTH), ledger, [
      'registered',
      'confidential',
    ]);
    expect(item!.subject).toHaveLength(MAX_UNMARKED_SUBJECT_LENGTH);
    // Marked, it is exactly IncaMail's limit: nothing is cut.
    expect(MAX_UNMARKED_SUBJECT_LENGTH + '<r>'.length).toBe(255);
    await expect(
      prepareMessages(runWithSubjectOf(MAX_UNMARKED_SUBJECT_LENGTH + 1), ledger, ['registered', 'confidential']),
    ).rejects.toMatchObject({
      code: 'bad_request',
      details: [{ path: 'body.templates.de.subject', message: 'too long for M-2026-0001' }],
    });
  });
});
