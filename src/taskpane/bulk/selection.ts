import type { DocumentSummary, ReminderLevel } from '../../contract/documents.schemas';
import type { Language } from '../../contract/locale';
import type { DocumentListQuery } from '../../services/bridge-client';

/** The reminder run's filters; level, overdue days and "not yet sent" are asked of the bridge, the rest local. */
export type BulkFilters = {
  levels: ReminderLevel[];
  overdueDays?: number | undefined;
  customer: string;
  amountFrom?: number | undefined;
  amountTo?: number | undefined;
  language?: Language | undefined;
  notSent: boolean;
};

export const INITIAL_FILTERS: BulkFilters = { levels: [1, 2, 3], customer: '', notSent: true };

export function toBridgeQuery(filters: BulkFilters): DocumentListQuery {
  return {
    kind: 'reminder',
    // Paid and cancelled reminders are never reminded again.
    status: ['open', 'overdue'],
    level: filters.levels,
    ...(filters.overdueDays !== undefined ? { overdueDays: filters.overdueDays } : {}),
    ...(filters.notSent ? { notSent: true } : {}),
  };
}

/** Customer name or address, amount range and language: filters the bridge's query has no parameter for. */
export function matchesLocalFilters(reminder: DocumentSummary, filters: BulkFilters): boolean {
  const customer = filters.customer.trim().toLowerCase();
  if (
    customer &&
    !reminder.customer.name.toLowerCase().includes(customer) &&
    !(reminder.customer.email ?? '').toLowerCase().includes(customer)
  ) {
    return false;
  }
  if (filters.amountFrom !== undefined && reminder.total < filters.amountFrom) return false;
  if (filters.amountTo !== undefined && reminder.total > filters.amountTo) return false;
  return filters.language === undefined || reminder.customer.language === filters.language;
}
