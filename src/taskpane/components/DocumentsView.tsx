import { Button, Caption1, makeStyles, SearchBox, Subtitle2, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, FilterRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { MAX_PAGE_SIZE, type DocumentKind, type DocumentSummary } from '../../contract/documents.schemas';
import type { Attachments } from '../hooks/use-attachments';
import { useAsync, type AsyncState } from '../hooks/use-async';
import { usePaneServices } from '../pane-context';
import { DocumentList } from './DocumentList';
import { PAGE_SIZE, toCountQuery, toQuery, type DocumentFilters } from './filter-state';
import { Pager } from './Pager';

// Most users find their document among the recipients' ones; the filters load only when asked for.
const Filters = lazy(() => import('./Filters'));

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // A flex item is at least as wide as its content: the search box grew by its clear button once it held
  // text and pushed the Filters button past the pane's edge. It takes what the button leaves instead.
  search: { flexGrow: 1, minWidth: 0, maxWidth: 'none' },
  filtersButton: { flexShrink: 0 },
  heading: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', margin: 0 },
  source: { display: 'block', color: tokens.colorNeutralForeground3, marginBlock: tokens.spacingVerticalXS },
});

export type DocumentsViewProps = {
  kind: DocumentKind;
  recipients: { emails: string[]; refresh: () => void };
  attachments: Attachments;
};

const SEARCH_DELAY_MS = 250;

/** One tab of the pane: the recipients' documents first, then every document with search, filters, pages. */
export function DocumentsView({ kind, recipients, attachments }: DocumentsViewProps) {
  const styles = useStyles();
  const { bridge, strings } = usePaneServices();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<DocumentFilters>({});
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: '', cursors: [] });
  const forMessageId = useId();
  const allId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const query = useMemo(() => toQuery(kind, search, filters), [kind, search, filters]);
  const queryKey = JSON.stringify(query);
  // Cursors belong to one query: a new search or filter starts again at the first page.
  const cursors = paging.key === queryKey ? paging.cursors : [undefined];
  const setCursors = (change: (stack: (string | undefined)[]) => (string | undefined)[]) =>
    setPaging({ key: queryKey, cursors: change(cursors) });
  const cursor = cursors[cursors.length - 1];

  const emails = recipients.emails;
  const forMessage = useAsync(`${kind}|${emails.join(',')}`, async (signal) => {
    if (emails.length === 0) return [];
    const page = await bridge.listDocuments({ kind, customerEmail: emails, limit: MAX_PAGE_SIZE }, { signal });
    return sortForMessage(page.items);
  });

  const page = useAsync(`${queryKey}|${cursor ?? ''}`, (signal) =>
    bridge.listDocuments({ ...query, cursor }, { signal }),
  );
  const pageItems: AsyncState<DocumentSummary[]> & { retry: () => void } =
    page.status === 'ready' ? { status: 'ready', data: page.data.items, retry: page.retry } : page;
  const nextCursor = page.status === 'ready' ? page.data.nextCursor : null;
  const source = page.status === 'ready' ? page.data.source : undefined;
  // Counted once per search and filters, not per page. Fail-open: without a count the pager shows the range alone.
  const count = useAsync(queryKey, (signal) => bridge.countDocuments(toCountQuery(query), { signal }));
  const first = (cursors.length - 1) * PAGE_SIZE + 1;

  return (
    <div className={styles.view}>
      <section aria-labelledby={forMessageId}>
        <h2 className={styles.heading} id={forMessageId}>
          <Subtitle2>{strings.forThisMessage.heading}</Subtitle2>
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowSyncRegular />}
            aria-label={strings.forThisMessage.refresh}
            title={strings.forThisMessage.refresh}
            onClick={recipients.refresh}
          />
        </h2>
        <DocumentList
          label={strings.forThisMessage.heading}
          result={forMessage}
          empty={emails.length === 0 ? strings.forThisMessage.noRecipients : strings.forThisMessage.empty}
          attachments={attachments}
          drawing="in-steps"
        />
      </section>

      <section aria-labelledby={allId}>
        <h2 className={styles.heading} id={allId}>
          <Subtitle2>{strings.all.heading}</Subtitle2>
        </h2>
        {source && <Caption1 className={styles.source}>{strings.all.source(source)}</Caption1>}
        <div className={styles.toolbar}>
          <SearchBox
            className={styles.search}
            aria-label={strings.search.label}
            placeholder={strings.search.placeholder}
            value={searchText}
            onChange={(_, data) => setSearchText(data.value)}
          />
          <Button
            className={styles.filtersButton}
            appearance={filtersOpen ? 'primary' : 'secondary'}
            icon={<FilterRegular />}
            aria-expanded={filtersOpen}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {strings.filters.show}
          </Button>
        </div>
        {filtersOpen && (
          <Suspense fallback={null}>
            <Filters kind={kind} value={filters} onChange={setFilters} />
          </Suspense>
        )}
        <DocumentList
          label={strings.all.heading}
          result={pageItems}
          empty={strings.all.empty}
          attachments={attachments}
        />
        <Pager
          range={page.status === 'ready' ? { first, last: first + page.data.items.length - 1 } : undefined}
          total={count.status === 'ready' ? count.data : undefined}
          hasPrevious={cursors.length > 1}
          hasNext={nextCursor !== null}
          onPrevious={() => setCursors((stack) => stack.slice(0, -1))}
          onNext={() => nextCursor && setCursors((stack) => [...stack, nextCursor])}
        />
      </section>
    </div>
  );
}

const STATUS_ORDER: Record<DocumentSummary['status'], number> = {
  overdue: 0,
  open: 1,
  draft: 2,
  paid: 3,
  cancelled: 4,
};

/** Overdue and open documents first (what the user most likely writes about), oldest due date first. */
export function sortForMessage(documents: readonly DocumentSummary[]): DocumentSummary[] {
  return [...documents].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.dueDate.localeCompare(b.dueDate),
  );
}
