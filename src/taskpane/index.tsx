import { createRoot } from 'react-dom/client';
import { toLanguage } from '../contract/locale';
import { createBridgeClient } from '../services/bridge-client';
import { App } from './App';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('LedgerMail: #root is missing from taskpane.html');
  const language = toLanguage(Office.context.displayLanguage);
  document.documentElement.lang = language;
  createRoot(container).render(
    <App bridge={createBridgeClient()} language={language} officeTheme={Office.context.officeTheme} />,
  );
});
