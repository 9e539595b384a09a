import {
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { DocumentKind } from '../contract/documents.schemas';
import type { Language } from '../contract/locale';
import type { ComposeItem } from '../services/compose-item';
import { DocumentsView } from './components/DocumentsView';
import { EarlierSendNotice } from './EarlierSendNotice';
import { useAttachments } from './hooks/use-attachments';
import { useRecipientEmails } from './hooks/use-recipients';
import { PaneServicesProvider, type PaneBridge, type PaneServices } from './pane-context';
import { paneStrings } from './strings';

const RemindersView = lazy(() => import('./components/RemindersView'));

export type AppProps = {
  bridge: PaneBridge;
  item: ComposeItem;
  language: Language;
  officeTheme?: Pick<Office.OfficeTheme, 'bodyBackgroundColor'> | undefined;
  userEmail?: string | undefined;
};

/** Office reports its theme as colours; a dark body background means the dark Fluent theme. */
export function isDarkBackground(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0 },
});

export function App({ bridge, item, language, officeTheme, userEmail }: AppProps) {
  const services = useMemo<PaneServices>(
    () => ({ bridge, item, language, strings: paneStrings[language], userEmail }),
    [bridge, item, language, userEmail],
  );
  return (
    <FluentProvider theme={isDarkBackground(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme}>
      <PaneServicesProvider value={services}>
        <Pane services={services} />
      </PaneServicesProvider>
    </FluentProvider>
  );
}

function Pane({ services }: { services: PaneServices }) {
  const styles = useStyles();
  const { strings } = services;
  const [tab, setTab] = useState<DocumentKind>('invoice');
  const recipients = useRecipientEmails(services.item);
  const attachments = useAttachments(services);

  return (
    <main className={styles.main}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        {strings.title}
      </Text>
      <EarlierSendNotice services={services} />
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as DocumentKind)}>
        <Tab value="invoice">{strings.tabs.invoice}</Tab>
        <Tab value="reminder">{strings.tabs.reminder}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={strings.tabs[tab]}>
        {tab === 'invoice' ? (
          <DocumentsView kind="invoice" recipients={recipients} attachments={attachments} />
        ) : (
          <Suspense fallback={<Spinner size="tiny" label={strings.loading} />}>
            <RemindersView recipients={recipients} attachments={attachments} />
          </Suspense>
        )}
      </div>
    </main>
  );
}
