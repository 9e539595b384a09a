import { MessageBar, MessageBarBody, type MessageBarIntent } from '@fluentui/react-components';
import { localDateAndTime } from '../contract/swiss-format';
import { describeError } from '../services/error-explanations';
import { refusedRecipientsOf } from '../services/earlier-send';
import { useEarlierSend, type EarlierSendView } from './hooks/use-earlier-send';
import type { PaneServices } from './pane-context';
import type { PaneStrings } from './strings';

/** What became of the draft's last send, above everything else in the pane; nothing where nothing was sent. */
export function EarlierSendNotice({ services }: { services: PaneServices }) {
  const view = useEarlierSend(services);
  if (!view) return null;
  const { intent, text } = describeEarlierSend(view, services.strings);
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

function describeEarlierSend(view: EarlierSendView, strings: PaneStrings): { intent: MessageBarIntent; text: string } {
  const t = strings.earlierSend;
  const { mode } = view.attempt;
  if ('failure' in view) {
    return { intent: 'warning', text: t.unknown(mode, describeError(view.failure, strings.errors, 'never')) };
  }
  const { earlier } = view;
  switch (earlier.outcome) {
    case 'not-received-yet':
      return { intent: 'info', text: t.notReceivedYet(mode, localDateAndTime(view.attempt.startedAt).time) };
    case 'not-received':
      return { intent: 'warning', text: t.notReceived(mode) };
    case 'sending':
      return { intent: 'info', text: t.sending(earlier.record.mode, localDateAndTime(earlier.record.createdAt).time) };
    case 'refused':
      return {
        intent: 'error',
        text: t.refused(mode, earlier.record.smtpResponse ?? earlier.record.error?.message ?? earlier.record.status),
      };
    case 'uncertain':
      return { intent: 'warning', text: t.uncertain(localDateAndTime(earlier.record.createdAt).time) };
    case 'sent': {
      const { record } = earlier;
      const { date, time } = localDateAndTime(record.acceptedAt ?? record.updatedAt);
      const reference = record.id.slice(0, 8);
      return record.error
        ? { intent: 'warning', text: t.sentPartly(date, time, reference, refusedRecipientsOf(record)) }
        : { intent: 'success', text: t.sent(record.mode, date, time, reference) };
    }
  }
}
