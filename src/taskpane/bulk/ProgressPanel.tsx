import { Button, Field, makeStyles, MessageBar, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Batch } from '../../contract/batches.schemas';
import { AppError, type ErrorCode } from '../../contract/errors';
import type { BatchesClient } from '../../services/batches-client';
import { describeError } from '../../services/error-explanations';
import { usePaneServices } from '../pane-context';
import type { BulkStrings } from './bulk-strings';

const POLL_MS = 1000;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** Red when nothing got through, amber when some failed, green when all did: never a full blue bar of failures. */
function barColor(counts: Batch['counts'], running: boolean): 'brand' | 'error' | 'warning' | 'success' {
  if (counts.failed + counts.uncertain > 0) return counts.accepted === 0 && !running ? 'error' : 'warning';
  return running ? 'brand' : 'success';
}

export type ProgressPanelProps = {
  strings: BulkStrings;
  client: Pick<BatchesClient, 'getBatch' | 'retryFailed'>;
  initial: Batch;
  onNewRun: () => void;
};

/**
 * Follows a batch on the bridge until every item is settled. The batch runs there, not here: a pane that
 * is closed and opened again finds it through the list of recent batches and follows it from where it is.
 */
export function ProgressPanel({ strings, client, initial, onNewRun }: ProgressPanelProps) {
  const styles = useStyles();
  const { strings: paneStrings } = usePaneServices();
  const [batch, setBatch] = useState(initial);
  const [error, setError] = useState<unknown>();
  const [retrying, setRetrying] = useState(false);
  const t = strings.progress;
  const running = batch.status === 'running';

  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      client.getBatch(batch.id, { signal: controller.signal }).then(
        (next) => {
          setBatch(next);
          setError(undefined);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setError(failure);
          // A passing network problem must not stop the progress: try again at the next tick.
          setBatch((current) => ({ ...current }));
        },
      );
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [batch, running, client]);

  const { counts } = batch;
  const settled = counts.accepted + counts.failed + counts.uncertain;
  const retry = async () => {
    setRetrying(true);
    try {
      setBatch(await client.retryFailed(batch.id));
    } catch (failure) {
      setError(failure);
    } finally {
      setRetrying(false);
    }
  };

  return (
    <section className={styles.panel} aria-label={t.heading}>
      <Field
        label={t.label(settled, counts.total)}
        validationMessage={t.counts({ ...counts, open: counts.total - settled })}
        validationState="none"
      >
        <ProgressBar
          value={counts.total === 0 ? 1 : settled / counts.total}
          color={barColor(counts, running)}
          aria-label={t.heading}
        />
      </Field>
      {error !== undefined && (
        <MessageBar intent="warning">{describeError(error, paneStrings.errors, 'when-specific')}</MessageBar>
      )}
      <Text weight="semibold">{t.results}</Text>
      <ul className={styles.list} aria-label={t.results}>
        {batch.items.map((item) => (
          <li key={item.documentId} aria-label={`${item.number}, ${item.customerName}, ${t.status[item.status]}`}>
            <Text>
              {item.number} · {item.customerName} · {item.recipient} ·{' '}
              <span className={item.status === 'failed' ? styles.failed : undefined}>{t.status[item.status]}</span>
              {/* Once, in the user's words; the bridge's own text (an SMTP reply) stays for support, on hover. */}
              {item.error && item.status !== 'accepted' && (
                <span title={item.error.message}>
                  {' · '}
                  {describeError(
                    new AppError(item.error.code as ErrorCode, item.error.message),
                    paneStrings.errors,
                    'never',
                  )}
                </span>
              )}
            </Text>
          </li>
        ))}
      </ul>
      {!running && (
        <div>
          {counts.failed > 0 && (
            <Button appearance="primary" disabled={retrying} onClick={() => void retry()}>
              {t.retryFailed(counts.failed)}
            </Button>
          )}{' '}
          <Button onClick={onNewRun}>{t.newRun}</Button>
        </div>
      )}
    </section>
  );
}
