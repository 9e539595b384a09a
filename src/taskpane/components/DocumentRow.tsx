import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { AttachRegular, CheckmarkRegular, TextEditStyleRegular } from '@fluentui/react-icons';
import { memo, useId } from 'react';
import type { DocumentStatus, DocumentSummary } from '../../contract/documents.schemas';
import { formatDate, formatMoney } from '../../contract/swiss-format';
import type { RowStatus } from '../hooks/use-attachments';
import { usePaneServices } from '../pane-context';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    // minmax: the text column may be narrower than its longest word, so nothing pushes the amounts out.
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    listStyle: 'none',
  },
  headline: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  // The whole name, wrapped: an ellipsis hid what tells two branches of one company apart ("…, Thun"), and
  // a tooltip would reach neither touch nor keyboard. A word longer than the column breaks anywhere.
  customer: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalXS },
  notice: { gridColumn: '1 / -1' },
});

const STATUS_COLOR: Record<DocumentStatus, BadgeProps['color']> = {
  draft: 'subtle',
  open: 'informative',
  overdue: 'danger',
  paid: 'success',
  cancelled: 'subtle',
};

export type DocumentRowProps = {
  document: DocumentSummary;
  status: RowStatus;
  onAttach: (document: DocumentSummary) => void;
  onFill: (document: DocumentSummary) => void;
};

/**
 * One invoice or reminder: what identifies it at a glance, and its two actions (attach, fill the message).
 * Drawn again only when its document or its own status changes: every answer the pane gets (a page, a count,
 * the recipients' documents) used to draw every row of both lists again.
 */
export const DocumentRow = memo(function DocumentRow({ document, status, onAttach, onFill }: DocumentRowProps) {
  const styles = useStyles();
  const { strings, language } = usePaneServices();
  const statusId = useId();
  const { attach } = status;
  const attached = attach.state === 'attached';

  return (
    <li className={styles.row} aria-label={`${document.number}, ${document.customer.name}`}>
      <div className={styles.headline}>
        <Text weight="semibold">{document.number}</Text>
        <Badge appearance="tint" color={STATUS_COLOR[document.status]}>
          {strings.status[document.status]}
        </Badge>
        {document.level !== null && (
          <Badge appearance="outline" color="warning">
            {strings.reminderLevel(document.level)}
          </Badge>
        )}
      </div>
      <Text className={styles.amount} weight="semibold">
        {formatMoney(document.total, document.currency, language)}
      </Text>
      <Text className={styles.customer}>{document.customer.name}</Text>
      <Caption1 className={styles.amount}>{strings.dueOn(formatDate(document.dueDate, language))}</Caption1>
      <div className={styles.notice} id={statusId} aria-live="polite">
        {attach.state === 'attaching' && (
          <Spinner size="extra-tiny" label={strings.attach.attaching(document.number)} />
        )}
        {status.notice && (
          <MessageBar intent={status.notice.intent}>
            <MessageBarBody>{status.notice.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={`${styles.actions} ${styles.notice}`}>
        <Button
          size="small"
          appearance={attached ? 'subtle' : 'primary'}
          icon={attached ? <CheckmarkRegular /> : <AttachRegular />}
          aria-label={strings.attach.action(document.kind, document.number)}
          title={strings.attach.action(document.kind, document.number)}
          aria-describedby={statusId}
          disabledFocusable={attached || attach.state === 'attaching'}
          onClick={() => onAttach(document)}
        >
          {attached ? strings.attach.attached : null}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          icon={<TextEditStyleRegular />}
          aria-label={strings.fill.action(document.kind, document.number)}
          title={strings.fill.action(document.kind, document.number)}
          disabledFocusable={status.filling}
          onClick={() => onFill(document)}
        />
      </div>
    </li>
  );
}, sameRow);

function sameRow(before: DocumentRowProps, after: DocumentRowProps): boolean {
  return (
    before.document === after.document &&
    before.onAttach === after.onAttach &&
    before.onFill === after.onFill &&
    before.status.attach === after.status.attach &&
    before.status.filling === after.status.filling &&
    before.status.notice === after.status.notice
  );
}
