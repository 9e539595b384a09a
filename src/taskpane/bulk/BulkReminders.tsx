import { Button, makeStyles, MessageBar, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_MODE_BY_LEVEL,
  type Batch,
  type BatchPreview,
  type BatchRequestInput,
  type Grouping,
  type ModeByLevel,
  type Templates,
} from '../../contract/batches.schemas';
import { deadlinePassed, type MessageFacts } from '../../contract/reminder-message';
import type { DocumentSummary } from '../../contract/documents.schemas';
import { createBatchesClient } from '../../services/batches-client';
import { createSendsClient } from '../../services/sends-client';
import type { SecureMode } from '../../contract/modes';
import { describeError } from '../../services/error-explanations';
import { useAsync } from '../hooks/use-async';
import { usePaneServices } from '../pane-context';
import { bulkStrings } from './bulk-strings';
import { MessagePanel, type Editing } from './MessagePanel';
import { messageCount, PreviewPanel, SelectionSummary } from './PreviewPanel';
import { ProgressPanel } from './ProgressPanel';
import { runStrings } from './run-strings';
import { SelectionPanel } from './SelectionPanel';
import { INITIAL_FILTERS, matchesLocalFilters, toBridgeQuery, type BulkFilters } from './selection';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Up to 1,000 reminders, the most a batch takes; a run larger than that is several runs. */
const MAX_PAGES = 5;

export type BulkRemindersProps = {
  /** A batch still running on the bridge, found when the pane opened: followed instead of starting anew. */
  resumeBatchId?: string | null | undefined;
};

/** The reminder run: select reminders, write one message per language, preview, send, follow progress. */
export default function BulkReminders({ resumeBatchId }: BulkRemindersProps) {
  const styles = useStyles();
  const { bridge, language, strings: paneStrings } = usePaneServices();
  const strings = bulkStrings[language];
  const run = runStrings[language];
  const client = useMemo(() => createBatchesClient(bridge), [bridge]);
  // The bridge's templates and the run's date: its wording is the default, its today decides what is overdue.
  const defaults = useAsync('templates', (signal) => client.getTemplates({ signal }));
  const policy = useAsync('policy', () => createSendsClient(bridge).getPolicy());
  // Until the policy is known, the default modes; a mode the policy leaves out is never offered.
  const modes = useMemo(() => policy.data?.modes ?? [...new Set(Object.values(DEFAULT_MODE_BY_LEVEL))], [policy.data]);
  const [filters, setFilters] = useState<BulkFilters>(INITIAL_FILTERS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [templates, setTemplates] = useState<Templates>({});
  const [grouping, setGrouping] = useState<Grouping>('per-customer');
  const [modeByLevel, setModeByLevel] = useState<ModeByLevel>({ ...DEFAULT_MODE_BY_LEVEL });
  const [editing, setEditing] = useState<Editing>({ language, level: '1' });
  const [preview, setPreview] = useState<BatchPreview>();
  const [batch, setBatch] = useState<Batch>();
  const [busy, setBusy] = useState<'preview' | 'send' | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const fallback = modes[0];
    if (!fallback) return;
    setModeByLevel((current) => {
      const allowed = (mode: SecureMode) => (modes.includes(mode) ? mode : fallback);
      const next = { '1': allowed(current['1']), '2': allowed(current['2']), '3': allowed(current['3']) };
      return next['1'] === current['1'] && next['2'] === current['2'] && next['3'] === current['3'] ? current : next;
    });
  }, [modes]);

  useEffect(() => {
    if (!resumeBatchId) return;
    const controller = new AbortController();
    client.getBatch(resumeBatchId, { signal: controller.signal }).then(setBatch, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure);
    });
    return () => controller.abort();
  }, [client, resumeBatchId]);

  const query = toBridgeQuery(filters);
  const loaded = useAsync(JSON.stringify(query), async (signal) => {
    const items: DocumentSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await bridge.listDocuments({ ...query, limit: 200, ...(cursor ? { cursor } : {}) }, { signal });
      items.push(...result.items);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return items;
  });
  const today = defaults.data?.today;
  const matching = useMemo(
    () => (loaded.data ?? []).filter((reminder) => matchesLocalFilters(reminder, filters)),
    [loaded.data, filters],
  );
  // A reminder asking for payment by a day already past is not offered: it would ask for the impossible.
  const visible = useMemo(
    () => matching.filter((r) => today === undefined || !deadlinePassed(r, today)),
    [matching, today],
  );
  const expired = useMemo(
    () => matching.filter((r) => today !== undefined && deadlinePassed(r, today)),
    [matching, today],
  );
  const chosen = visible.filter((reminder) => selected.has(reminder.id));
  const request: BatchRequestInput = {
    documentIds: chosen.map((reminder) => reminder.id),
    grouping,
    modeByLevel,
    templates,
  };
  // The live preview speaks of a selected reminder of the language and level being edited, if there is one.
  const inLanguage = chosen.filter((r) => r.customer.language === editing.language);
  const sampleReminder = inLanguage.find((r) => `${r.level}` === editing.level) ?? inLanguage[0];
  const sampleInvoice = useAsync(`invoice:${sampleReminder?.invoiceId ?? ''}`, async (signal) => {
    if (!sampleReminder?.invoiceId) return undefined;
    const { number, issueDate, dueDate, total } = await bridge.getDocument(sampleReminder.invoiceId, { signal });
    return { number, issueDate, dueDate, total };
  });
  const sample: MessageFacts | undefined =
    sampleReminder && defaults.data && sampleInvoice.data && sampleReminder.level !== null
      ? {
          customerName: sampleReminder.customer.name,
          language: sampleReminder.customer.language,
          company: defaults.data.company,
          reminders: [
            {
              ...sampleReminder,
              level: Number(editing.level) as 1 | 2 | 3,
              invoice: sampleInvoice.data,
            },
          ],
        }
      : undefined;
  const requestText = JSON.stringify(request);
  // One key per run and request: a second click on Send (or a retried call) finds the batch already made.
  const [runNonce, setRunNonce] = useState(() => crypto.randomUUID());
  const idempotencyKey = `bulk-${runNonce}-${fnv1a(requestText)}`;
  // A preview shows one particular request; any change makes it stale.
  useEffect(() => setPreview(undefined), [requestText]);

  const start = async (kind: 'preview' | 'send') => {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'preview') setPreview(await client.previewBatch(request));
      else setBatch(await client.createBatch(idempotencyKey, request));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  if (batch) {
    return (
      <ProgressPanel
        strings={strings}
        client={client}
        initial={batch}
        onNewRun={() => {
          setBatch(undefined);
          setSelected(new Set());
          setRunNonce(crypto.randomUUID());
        }}
      />
    );
  }
  return (
    <div className={styles.view}>
      <Subtitle2 as="h2">{strings.selection.heading}</Subtitle2>
      {loaded.status === 'loading' && <Spinner size="tiny" label={paneStrings.loading} />}
      {loaded.status === 'failed' && (
        <MessageBar intent="error">{describeError(loaded.error, paneStrings.errors, 'when-specific')}</MessageBar>
      )}
      {loaded.status === 'ready' && (
        <SelectionPanel
          strings={strings}
          filters={filters}
          onFiltersChange={setFilters}
          reminders={visible}
          selected={selected}
          onSelectedChange={setSelected}
        />
      )}
      <SelectionSummary
        strings={strings}
        run={run}
        chosen={chosen}
        grouping={grouping}
        modeByLevel={modeByLevel}
        expired={expired}
      />
      <Subtitle2 as="h2">{strings.template.heading}</Subtitle2>
      {defaults.status === 'failed' && (
        <MessageBar intent="error">{describeError(defaults.error, paneStrings.errors, 'when-specific')}</MessageBar>
      )}
      {defaults.data && (
        <MessagePanel
          strings={strings}
          run={run}
          defaults={defaults.data}
          templates={templates}
          onTemplatesChange={setTemplates}
          grouping={grouping}
          onGroupingChange={setGrouping}
          modeByLevel={modeByLevel}
          modes={modes}
          onModeByLevelChange={setModeByLevel}
          editing={editing}
          onEditingChange={setEditing}
          sample={sample}
        />
      )}
      {error !== undefined && (
        <MessageBar intent="error">{describeError(error, paneStrings.errors, 'when-specific')}</MessageBar>
      )}
      <div>
        <Button disabled={chosen.length === 0 || busy !== undefined} onClick={() => void start('preview')}>
          {strings.preview.action}
        </Button>{' '}
        <Button
          appearance="primary"
          disabled={chosen.length === 0 || busy !== undefined}
          onClick={() => void start('send')}
        >
          {busy === 'send'
            ? strings.send.sending
            : strings.send.action(
                messageCount(
                  chosen.filter((r) => r.customer.email),
                  grouping,
                ),
              )}
        </Button>
      </div>
      {busy === 'preview' && <Spinner size="tiny" label={paneStrings.loading} />}
      {preview && <PreviewPanel strings={strings} run={run} preview={preview} />}
    </div>
  );
}

/** FNV-1a, 32 bits, as hex: tells requests apart inside one run's key, no security meaning. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}
