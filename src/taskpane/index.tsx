import { createRoot } from 'react-dom/client';
import { toLanguage } from '../contract/locale';
import { createBridgeClient } from '../services/bridge-client';
import { createComposeItem } from '../services/compose-item';
import { App } from './App';

// The composition root: the only place that reaches for Office.context and creates the bridge client.
Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('LedgerMail: #root is missing from taskpane.html');
  const language = toLanguage(Office.context.displayLanguage);
  document.documentElement.lang = language;
  const item = createComposeItem(Office.context.mailbox.item as Office.MessageCompose);
  createRoot(container).render(
    <App bridge={createBridgeClient()} item={item} language={language} officeTheme={Office.context.officeTheme} />,
  );
});
