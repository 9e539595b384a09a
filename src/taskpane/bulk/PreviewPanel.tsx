import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BatchPreview, Grouping, LevelKey, ModeByLevel } from '../../contract/batches.schemas';
import type { DocumentSummary } from '../../contract/documents.schemas';
import type { SecureMode } from '../../contract/modes';
import { groupIntoMessages } from '../../contract/reminder-message';
import { formatDate } from '../../contract/swiss-format';
import { formatFileSize } from '../file-size';
import { usePaneServices } from '../pane-context';
import type { BulkStrings } from './bulk-strings';
import type { RunStrings } from './run-strings';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  stepper: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  attachments: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  frame: {
    width: '100%',
    minHeight: '12rem',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#fff',
  },
});

function ModeCounts({ strings, byMode }: { strings: BulkStrings; byMode: Record<SecureMode, number> }) {
  const entries = (Object.entries(byMode) as [SecureMode, number][]).filter(([, count]) => count > 0);
  return (
    <Text>{entries.map(([mode, count]) => strings.summary.byMode(strings.modeNames[mode], count)).join(' · ')}</Text>
  );
}

/** The messages the selection makes, grouped as the bridge groups them. */
const messageGroups = (chosen: readonly DocumentSummary[], grouping: Grouping) =>
  groupIntoMessages(chosen, grouping, (reminder) => reminder);

export const messageCount = (chosen: readonly DocumentSummary[], grouping: Grouping) =>
  messageGroups(chosen, grouping).length;

/** What the selection will send, counted in the pane before asking the bridge; customers without address apart. */
export function SelectionSummary(props: {
  strings: BulkStrings;
  run: RunStrings;
  chosen: DocumentSummary[];
  grouping: Grouping;
  modeByLevel: ModeByLevel;
  /** Reminders whose pay-by date is not after today: shown, never selectable. */
  expired: DocumentSummary[];
}) {
  const styles = useStyles();
  const { language } = usePaneServices();
  const { strings, run, chosen, modeByLevel, expired } = props;
  const withEmail = chosen.filter((reminder) => reminder.customer.email);
  const without = chosen.filter((reminder) => !reminder.customer.email);
  // A message goes in the mode of the highest level among its reminders, as on the bridge.
  const groups = messageGroups(withEmail, props.grouping);
  const byMode: Record<SecureMode, number> = { registered: 0, confidential: 0, personal: 0 };
  for (const group of groups) byMode[modeByLevel[`${Math.max(...group.map((r) => r.level ?? 1))}` as LevelKey]]++;
  const recipients = new Set(withEmail.map((reminder) => reminder.customer.email!.toLowerCase())).size;
  return (
    <section className={styles.summary} aria-label={strings.summary.heading}>
      <Text weight="semibold">{strings.summary.selected(chosen.length)}</Text>
      <Text>{strings.summary.messages(groups.length, recipients)}</Text>
      <ModeCounts strings={strings} byMode={byMode} />
      {without.length > 0 && (
        <>
          <Text weight="semibold">{strings.summary.withoutEmail(without.length)}</Text>
          <ul aria-label={strings.summary.withoutEmail(without.length)}>
            {without.map((reminder) => (
              <li key={reminder.id}>
                {reminder.number} · {reminder.customer.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {expired.length > 0 && (
        <>
          <Text weight="semibold">{run.deadlinePassed(expired.length)}</Text>
          <ul aria-label={run.deadlinePassed(expired.length)}>
            {expired.map((reminder) => (
              <li key={reminder.id}>
                {run.deadlineLine(reminder.number, reminder.customer.name, formatDate(reminder.dueDate, language))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The bridge's rendering: totals with the PDFs' sizes, and every message as the customer will see it, one at a time. */
export function PreviewPanel({
  strings,
  run,
  preview,
}: {
  strings: BulkStrings;
  run: RunStrings;
  preview: BatchPreview;
}) {
  const styles = useStyles();
  const { language } = usePaneServices();
  const [index, setIndex] = useState(0);
  const total = preview.messages.length;
  const message = preview.messages[Math.min(index, total - 1)];
  return (
    <section className={styles.summary} aria-label={strings.preview.action}>
      <Text>{strings.summary.messages(preview.summary.messages, preview.summary.recipients)}</Text>
      <ModeCounts strings={strings} byMode={preview.summary.byMode} />
      <Text>{strings.summary.totalSize(formatFileSize(preview.summary.totalBytes, language))}</Text>
      {message && (
        <>
          <div className={styles.stepper}>
            <Button size="small" disabled={index === 0} onClick={() => setIndex(index - 1)}>
              {run.step.previous}
            </Button>
            <Text aria-live="polite">{run.step.position(index + 1, total)}</Text>
            <Button size="small" disabled={index >= total - 1} onClick={() => setIndex(index + 1)}>
              {run.step.next}
            </Button>
          </div>
          <Text weight="semibold">{strings.preview.heading(message.recipient)}</Text>
          <Text>{run.step.modeBecause(strings.modeNames[message.mode], message.level)}</Text>
          <Text>{message.subject}</Text>
          <Text size={200}>{run.step.attachments(message.attachments.length)}</Text>
          <ul className={styles.attachments} aria-label={run.step.attachments(message.attachments.length)}>
            {message.attachments.map((attachment) => (
              <li key={attachment.fileName}>
                <Text size={200}>
                  {attachment.fileName} ({formatFileSize(attachment.sizeBytes, language)})
                </Text>
              </li>
            ))}
          </ul>
          {/* The customer-facing HTML, shown without scripts or same-origin rights. */}
          <iframe className={styles.frame} title={strings.preview.frameTitle} sandbox="" srcDoc={message.html} />
        </>
      )}
    </section>
  );
}
