import type { Db } from '../../storage/database.js';

/** A condition on `d` (ledger_documents) with its named parameters. */
export type SqlCondition = { sql: string; params: Record<string, string> };

export type TextSearch = (q: string) => SqlCondition;

/**
 * Below this many candidate documents, collecting the candidates and sorting them is cheaper than walking
 * the newest-first index until a page is full. Where both cost about the same (a few thousand rows, a few
 * milliseconds): matching 1.6 % of 125,000 documents fills a page of 50 after about 3,000 rows of the index.
 */
const CANDIDATE_LIMIT = 2000;

/**
 * Plans the search box (`q`): a case-insensitive substring of the document number, the customer's name or
 * one of its e-mail addresses. Customers' names and addresses (lower-cased once on write) and document
 * numbers have trigram indexes, so a substring of three or more characters is found without a scan (the
 * trigram tokenizer folds case only for ASCII; the lower-casing covers Müller and Genève). A selective search gathers its candidates through
 * those indexes; a broad one ("info", "sa") instead walks the documents newest first and stops when the
 * page is full. SQLite's planner cannot tell the two apart, so the plan counts candidates, up to a bound.
 */
export function createTextSearch(db: Db): TextSearch {
  const customersByScan = db.prepare('SELECT id FROM ledger_customers WHERE instr(search_text, ?) > 0').pluck();
  const customersByTrigram = db
    .prepare('SELECT rowid FROM ledger_customers_fts WHERE ledger_customers_fts MATCH ?')
    .pluck();
  const byCustomer = 'SELECT id FROM ledger_documents WHERE customer_id IN (SELECT value FROM json_each(@qCustomers))';
  const byNumber = 'SELECT rowid FROM ledger_numbers_fts WHERE ledger_numbers_fts MATCH @qPhrase';
  // Each part is counted on its own: a LIMIT over their UNION would first have to gather and sort all of it.
  const bounded = (sql: string) => `(SELECT count(*) FROM (${sql} LIMIT ${CANDIDATE_LIMIT + 1}))`;
  const countCandidates = db.prepare(`SELECT ${bounded(byCustomer)} + ${bounded(byNumber)}`).pluck();

  return (q) => {
    const needle = q.toLowerCase();
    // Trigrams need three characters; shorter input scans the customers and walks the documents index.
    const trigrams = [...needle].length >= 3;
    // FTS5 phrase syntax: double quotes around, inner quotes doubled; no operator inside is interpreted.
    const qPhrase = `"${needle.replaceAll('"', '""')}"`;
    const customers = trigrams ? customersByTrigram.all(qPhrase) : customersByScan.all(needle);
    const params = { q: needle, qCustomers: JSON.stringify(customers), qPhrase };
    const selective =
      trigrams && (countCandidates.get({ qCustomers: params.qCustomers, qPhrase }) as number) <= CANDIDATE_LIMIT;
    if (selective) return { sql: `d.id IN (${byCustomer} UNION ${byNumber})`, params };
    // The unary plus keeps SQLite from answering the customer term through the customer index (and then
    // sorting every match); the scan goes down the date order and checks each row instead.
    return {
      sql: '(+d.customer_id IN (SELECT value FROM json_each(@qCustomers)) OR instr(lower(d.number), @q) > 0)',
      params,
    };
  };
}
