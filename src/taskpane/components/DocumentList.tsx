import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DocumentSummary } from '../../contract/documents.schemas';
import { describeError } from '../../services/error-explanations';
import type { Attachments } from '../hooks/use-attachments';
import type { AsyncState } from '../hooks/use-async';
import { usePaneServices } from '../pane-context';
import { DocumentRow } from './DocumentRow';

const useStyles = makeStyles({ list: { margin: 0, padding: 0 }, more: { marginBlockStart: '8px' } });

/**
 * Rows a long list draws at once, and draws again each time its end comes near. A recipient with hundreds of
 * documents used to wait for all of them (200 rows took about 0.6 s to draw): the pane's first screen shows a
 * dozen.
 */
export const FIRST_ROWS = 12;
export const MORE_ROWS = 50;
/** Rows are drawn this far before the end of the list scrolls into view, so scrolling rarely meets the end. */
const DRAW_AHEAD = '400px';

export type DocumentListProps = {
  /** Accessible name of the list, e.g. the section heading. */
  label: string;
  result: AsyncState<DocumentSummary[]> & { retry: () => void };
  empty: ReactNode;
  attachments: Attachments;
  /** 'in-steps': FIRST_ROWS at once, then MORE_ROWS at a time (a long list); 'at-once' (a page of the pager). */
  drawing?: 'in-steps' | 'at-once';
};

/** A list of documents with its states: loading, failed (with retry), empty, or the rows. */
export function DocumentList({ label, result, empty, attachments, drawing = 'at-once' }: DocumentListProps) {
  const styles = useStyles();
  const { strings } = usePaneServices();
  const rows = result.status === 'ready' ? result.data : undefined;
  // Counted per list of rows: a new search, page or recipient starts again with the first rows.
  const firstRows = drawing === 'in-steps' ? FIRST_ROWS : Number.POSITIVE_INFINITY;
  const [drawn, setDrawn] = useState({ rows, count: firstRows });
  const count = drawn.rows === rows ? drawn.count : firstRows;
  const drawMore = () => setDrawn({ rows, count: count + MORE_ROWS });
  const more = useRef<HTMLButtonElement>(null);
  const hasMore = rows !== undefined && rows.length > count;

  useEffect(() => {
    const button = more.current;
    // Without IntersectionObserver the button alone draws more (keyboard and screen readers use it anyway).
    if (!hasMore || !button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && setDrawn({ rows, count: count + MORE_ROWS }),
      // The pane's own document as the root: Outlook on the web frames the pane, and with the implicit root (the
      // top window) the frame's edge clips the target before the margin counts, so rows came only at the very end.
      { root: button.ownerDocument, rootMargin: DRAW_AHEAD },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [hasMore, rows, count]);

  if (result.status === 'loading') return <Spinner size="tiny" label={strings.loading} />;
  if (result.status === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{describeError(result.error, strings.errors, 'when-specific')}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={result.retry}>
            {strings.retry}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (result.data.length === 0) return <Text as="p">{empty}</Text>;
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {result.data.slice(0, count).map((document) => (
          <DocumentRow
            key={document.id}
            document={document}
            status={attachments.statusOf(document.id)}
            onAttach={attachments.attach}
            onFill={attachments.fill}
          />
        ))}
      </ul>
      {hasMore && (
        <Button ref={more} className={styles.more} appearance="subtle" onClick={drawMore}>
          {strings.moreRows(count, result.data.length)}
        </Button>
      )}
    </>
  );
}
