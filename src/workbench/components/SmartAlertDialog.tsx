import { useEffect, useRef, type ReactNode } from 'react';
import type { SmartAlert, SmartAlertChoice } from '../office-sim';

const LABELS: Record<SmartAlertChoice, string> = {
  'dont-send': "Don't Send",
  'send-anyway': 'Send Anyway',
  'try-later': 'Try Later',
  'take-action': 'Take Action',
};

const unescape = (text: string) => text.replace(/\\([\\*_[\]])/g, '$1');

/** The part of Markdown a Smart Alert shows (Mailbox 1.15): paragraphs split by `\n\n`, list items ended by `\r`. */
function markdownOf(markdown: string): ReactNode {
  return markdown.split('\n\n').map((paragraph, i) => {
    const items = paragraph.split('\r').filter((line) => line.startsWith('- '));
    return items.length > 0 ? (
      <ul key={i}>
        {items.map((item, j) => (
          <li key={j}>{unescape(item.slice(2))}</li>
        ))}
      </ul>
    ) : (
      <p key={i}>{unescape(paragraph)}</p>
    );
  });
}

/**
 * Outlook's Smart Alert after Send: a modal dialog titled with the add-in's name, the handler's message, and the
 * choices the send mode leaves. Escape means the last choice (Don't Send or Try Later), as closing it does.
 */
export function SmartAlertDialog({ alert, onChoose }: { alert: SmartAlert; onChoose(choice: SmartAlertChoice): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const fallback = alert.choices[alert.choices.length - 1]!;
  return (
    <dialog
      ref={dialog}
      className="smart-alert"
      aria-labelledby="smart-alert-title"
      aria-describedby="smart-alert-message"
      data-alert-kind={alert.kind}
      onCancel={(event) => {
        event.preventDefault();
        onChoose(fallback);
      }}
    >
      <h2 id="smart-alert-title">LedgerMail</h2>
      <div id="smart-alert-message" data-plain-message={alert.message}>
        {alert.markdown === undefined ? <p>{alert.message}</p> : markdownOf(alert.markdown)}
      </div>
      <div className="smart-alert-choices">
        {alert.choices.map((choice) => (
          <button key={choice} type="button" data-choice={choice} onClick={() => onChoose(choice)}>
            {choice === 'take-action' ? (alert.takeAction?.label ?? LABELS[choice]) : LABELS[choice]}
          </button>
        ))}
      </div>
    </dialog>
  );
}
