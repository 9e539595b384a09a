import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { AppError } from '../contract/errors';
import type { Language } from '../contract/locale';
import type { BridgeClient } from '../services/bridge-client';
import { paneStrings } from './strings';

export type AppProps = {
  bridge: Pick<BridgeClient, 'getHealth'>;
  language: Language;
  officeTheme?: Pick<Office.OfficeTheme, 'bodyBackgroundColor'> | undefined;
};

type BridgeState =
  { status: 'checking' } | { status: 'ready'; version: string } | { status: 'failed'; message: string };

/** Office reports its theme as colours; a dark body background means the dark Fluent theme. */
export function isDarkBackground(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function App({ bridge, language, officeTheme }: AppProps) {
  const strings = paneStrings[language];
  const [state, setState] = useState<BridgeState>({ status: 'checking' });

  useEffect(() => {
    let cancelled = false;
    bridge.getHealth().then(
      (health) => !cancelled && setState({ status: 'ready', version: health.version }),
      (error: unknown) =>
        !cancelled &&
        setState({ status: 'failed', message: error instanceof AppError ? error.message : strings.bridgeUnreachable }),
    );
    return () => {
      cancelled = true;
    };
  }, [bridge, strings]);

  return (
    <FluentProvider theme={isDarkBackground(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme}>
      <main style={{ padding: 12, minHeight: '100vh', boxSizing: 'border-box' }}>
        <Text as="h1" size={500} weight="semibold" block>
          LedgerMail
        </Text>
        {state.status === 'checking' && <Spinner size="tiny" label={strings.connecting} />}
        {state.status === 'ready' && <Text>{strings.connected(state.version)}</Text>}
        {state.status === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
