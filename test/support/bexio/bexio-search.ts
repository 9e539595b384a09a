/**
 * bexio's 2.0 search (`POST /2.0/…/search`, body `[{ field, value, criteria }]`), as its documentation states
 * it: conditions ANDed, `criteria` one of =, !=, >, <, >=, <=, like, not_like, in, not_in, is_null, not_null
 * (default `like`), `like` a substring match. Text compares as MySQL's general case-insensitive collation does
 * (case and accents ignored), which is what bexio's database answers with.
 */
export type SearchCriterion = { field: string; value: unknown; criteria?: string };

const fold = (value: unknown) =>
  String(value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && (typeof b === 'number' || /^-?\d+(\.\d+)?$/.test(String(b)))) return a - Number(b);
  const x = fold(a);
  const y = fold(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export class SearchError extends Error {}

function matches(row: Record<string, unknown>, criterion: SearchCriterion, searchable: readonly string[]): boolean {
  if (!searchable.includes(criterion.field)) throw new SearchError(`field ${criterion.field} is not searchable`);
  const actual = row[criterion.field];
  const value = criterion.value;
  switch (criterion.criteria ?? 'like') {
    case '=':
    case 'equal':
      return compare(actual, value) === 0;
    case '!=':
    case 'not_equal':
      return compare(actual, value) !== 0;
    case '>':
    case 'greater_than':
      return compare(actual, value) > 0;
    case '<':
    case 'less_than':
      return compare(actual, value) < 0;
    case '>=':
    case 'greater_equal':
      return compare(actual, value) >= 0;
    case '<=':
    case 'less_equal':
      return compare(actual, value) <= 0;
    case 'like':
      return fold(actual).includes(fold(value));
    case 'not_like':
      return !fold(actual).includes(fold(value));
    case 'in':
      if (!Array.isArray(value)) throw new SearchError('in needs an array');
      return value.some((v) => compare(actual, v) === 0);
    case 'not_in':
      if (!Array.isArray(value)) throw new SearchError('not_in needs an array');
      return !value.some((v) => compare(actual, v) === 0);
    case 'is_null':
      return actual === null || actual === undefined;
    case 'not_null':
      return actual !== null && actual !== undefined;
    default:
      throw new SearchError(`unknown criteria ${criterion.criteria}`);
  }
}

export function search<T extends object>(rows: readonly T[], criteria: unknown, searchable: readonly string[]): T[] {
  if (!Array.isArray(criteria)) throw new SearchError('the body must be an array of criteria');
  return rows.filter((row) =>
    (criteria as SearchCriterion[]).every((c) => matches(row as Record<string, unknown>, c, searchable)),
  );
}

/** `limit` (default 500, at most 2000), `offset` and `order_by` (`field` or `field_desc`) of bexio's lists. */
export function pageRows<T extends object>(rows: readonly T[], url: URL): T[] {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 500), 2000);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const orderBy = url.searchParams.get('order_by');
  let sorted = [...rows];
  if (orderBy) {
    const desc = orderBy.endsWith('_desc');
    const field = desc ? orderBy.slice(0, -5) : orderBy;
    sorted = sorted.sort((a, b) => {
      const order = compare((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
      return desc ? -order : order;
    });
  }
  return sorted.slice(offset, offset + limit);
}
