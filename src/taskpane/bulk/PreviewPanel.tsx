import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { BatchPreview, ModeByLevel } from '../../contract/batches.schemas';
import type { DocumentSummary } from '../../contract/documents.schemas';
import type { SecureMode } from '../../contract/modes';
import { formatFileSize } from '../file-size';
import { usePaneServices } from '../pane-context';
import type { BulkStrings } from './bulk-strings';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
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

/** What the selection will send, counted in the pane before asking the bridge; customers without address apart. */
export function SelectionSummary(props: { strings: BulkStrings; chosen: DocumentSummary[]; modeByLevel: ModeByLevel }) {
  const styles = useStyles();
  const { strings, chosen, modeByLevel } = props;
  const withEmail = chosen.filter((reminder) => reminder.customer.email);
  const without = chosen.filter((reminder) => !reminder.customer.email);
  const byMode: Record<SecureMode, number> = { registered: 0, confidential: 0, personal: 0 };
  for (const reminder of withEmail) byMode[modeByLevel[`${reminder.level ?? 1}` as '1' | '2' | '3']]++;
  const recipients = new Set(withEmail.map((reminder) => reminder.customer.email!.toLowerCase())).size;
  return (
    <section className={styles.summary} aria-label={strings.summary.heading}>
      <Text weight="semibold">{strings.summary.selected(chosen.length)}</Text>
      <Text>{strings.summary.messages(withEmail.length, recipients)}</Text>
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
    </section>
  );
}

/** The bridge's rendering: totals with the PDFs' sizes, and the first message as the customer will see it. */
export function PreviewPanel({ strings, preview }: { strings: BulkStrings; preview: BatchPreview }) {
  const styles = useStyles();
  const { language } = usePaneServices();
  const first = preview.messages[0];
  return (
    <section className={styles.summary} aria-label={strings.preview.action}>
      <Text>{strings.summary.messages(preview.summary.messages, preview.summary.recipients)}</Text>
      <ModeCounts strings={strings} byMode={preview.summary.byMode} />
      <Text>{strings.summary.totalSize(formatFileSize(preview.summary.totalBytes, language))}</Text>
      {first && (
        <>
          <Text weight="semibold">{strings.preview.heading(first.recipient)}</Text>
          <Text>{first.subject}</Text>
          <Text size={200}>
            {first.attachment.fileName} ({formatFileSize(first.attachment.sizeBytes, language)})
          </Text>
          {/* The customer-facing HTML, shown without scripts or same-origin rights. */}
          <iframe className={styles.frame} title={strings.preview.frameTitle} sandbox="" srcDoc={first.html} />
        </>
      )}
    </section>
  );
}
