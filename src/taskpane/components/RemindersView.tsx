import { Button, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useRunningBatch } from '../bulk/use-running-batch';
import { usePaneServices } from '../pane-context';
import { DocumentsView, type DocumentsViewProps } from './DocumentsView';

// The reminder run is a chunk of its own again: only those who send reminders in bulk load it.
const BulkReminders = lazy(() => import(/* webpackChunkName: "bulk" */ '../bulk/BulkReminders'));

/** The Reminders tab, a chunk of its own: most sessions never open it. */
export default function RemindersView(props: Omit<DocumentsViewProps, 'kind'>) {
  const { bridge, strings } = usePaneServices();
  // Until the user chooses, a run still going on the bridge opens the bulk view by itself.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const running = useRunningBatch(bridge);
  const open = chosen ?? running !== null;
  return (
    <>
      <Button onClick={() => setChosen(!open)}>{open ? strings.bulk.close : strings.bulk.open}</Button>
      {open ? (
        <Suspense fallback={<Spinner size="tiny" label={strings.loading} />}>
          <BulkReminders resumeBatchId={running} />
        </Suspense>
      ) : (
        <DocumentsView kind="reminder" {...props} />
      )}
    </>
  );
}
