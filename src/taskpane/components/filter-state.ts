import type { DocumentKind, DocumentStatus, ReminderLevel } from '../../contract/documents.schemas';
import type { DocumentCountQuery, DocumentListQuery } from '../../services/bridge-client';

/** The filters a user can set; unset means "any". */
export type DocumentFilters = {
  status?: DocumentStatus;
  level?: ReminderLevel;
  overdueDays?: number;
};

export const FILTER_STATUSES: readonly DocumentStatus[] = ['open', 'overdue', 'paid'];
export const FILTER_LEVELS: readonly ReminderLevel[] = [1, 2, 3];
export const OVERDUE_DAY_CHOICES: readonly number[] = [10, 30, 60, 90];

export const PAGE_SIZE = 50;

export function toQuery(kind: DocumentKind, search: string, filters: DocumentFilters): DocumentListQuery {
  return {
    kind,
    q: search.trim() || undefined,
    status: filters.status ? [filters.status] : undefined,
    level: kind === 'reminder' && filters.level ? [filters.level] : undefined,
    overdueDays: filters.overdueDays,
    limit: PAGE_SIZE,
  };
}

/** The same query without its paging: what the pager's total counts. */
export function toCountQuery({ limit: _limit, cursor: _cursor, ...filters }: DocumentListQuery): DocumentCountQuery {
  return filters;
}
