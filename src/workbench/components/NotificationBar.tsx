import type { SimNotification } from '../office-sim';
import { useCompose, useSimulatedOffice } from '../workbench-context';

const KIND: Record<SimNotification['type'], string> = {
  progressIndicator: 'In progress',
  informationalMessage: 'Information',
  errorMessage: 'Error',
  insightMessage: 'Insight',
};

/** The item's notification bar, as Outlook shows it above the message (at most 5, 150 characters each). */
export function NotificationBar() {
  const { host } = useSimulatedOffice();
  const { notifications } = useCompose();
  return (
    <section className="notification-bar" aria-label="Notifications" aria-live="polite">
      {notifications.length === 0 ? (
        <p className="quiet">No notifications on this item.</p>
      ) : (
        <ul>
          {notifications.map((n) => (
            <li key={n.key} className={`notification notification-${n.type}`} data-key={n.key} data-type={n.type}>
              <strong>{KIND[n.type]}:</strong> <span className="notification-message">{n.message}</span>
              <button
                type="button"
                aria-label={`Dismiss ${KIND[n.type].toLowerCase()} notification`}
                onClick={() => host.dismissNotification(n.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
