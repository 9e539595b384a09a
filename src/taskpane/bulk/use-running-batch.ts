import { useEffect, useState } from 'react';
import { createBatchesClient } from '../../services/batches-client';
import type { PaneBridge } from '../pane-context';

/**
 * The id of a reminder run still going on the bridge, if any: a pane closed during a run and opened again
 * follows it instead of offering a new one. Null while unknown or when nothing runs.
 */
export function useRunningBatch(bridge: PaneBridge): string | null {
  const [running, setRunning] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    createBatchesClient(bridge)
      .listBatches(5, { signal: controller.signal })
      .then(
        (list) => setRunning(list.items.find((batch) => batch.status === 'running')?.id ?? null),
        // Not knowing about a running batch only means the pane offers a new run; the bridge still finishes it.
        () => undefined,
      );
    return () => controller.abort();
  }, [bridge]);
  return running;
}
