import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../contract/documents.schemas';
import { describeError } from '../../services/error-explanations';
import type { Attachments } from '../hooks/use-attachments';
import type { AsyncState } from '../hooks/use-async';
import { usePaneServices } from '../pane-context';
import { DocumentRow } from './DocumentRow';

const useStyles = makeStyles({ list: { margin: 0, padding: 0 } });

export type DocumentListProps = {
  /** Accessible name of the list, e.g. the section heading. */
  label: string;
  result: AsyncState<DocumentSummary[]> & { retry: () => void };
  empty: ReactNode;
  attachments: Attachments;
};

/** A list of documents with its states: loading, failed (with retry), empty, or the rows. */
export function DocumentList({ label, result, empty, attachments }: DocumentListProps) {
  const styles = useStyles();
  const { strings } = usePaneServices();

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
    <ul className={styles.list} aria-label={label}>
      {result.data.map((document) => (
        <DocumentRow
          key={document.id}
          document={document}
          status={attachments.statusOf(document.id)}
          onAttach={attachments.attach}
          onFill={attachments.fill}
        />
      ))}
    </ul>
  );
}
