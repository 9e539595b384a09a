import { createContext, useContext } from 'react';
import type { Language } from '../contract/locale';
import type { BridgeClient } from '../services/bridge-client';
import type { ComposeItem } from '../services/compose-item';
import type { PaneStrings } from './strings';

/** The bridge calls the pane makes; tests hand in the real client pointed at msw handlers. */
export type PaneBridge = Pick<
  BridgeClient,
  'listDocuments' | 'countDocuments' | 'getDocument' | 'getDocumentPdf' | 'requestJson'
>;

/** Side effects and language handed down from the composition root (index.tsx), never reached for directly. */
export type PaneServices = {
  bridge: PaneBridge;
  item: ComposeItem;
  language: Language;
  strings: PaneStrings;
  /** The signed-in user's address (Office's user profile): the sender of a reminder run. */
  userEmail?: string | undefined;
};

const PaneContext = createContext<PaneServices | null>(null);

export const PaneServicesProvider = PaneContext.Provider;

export function usePaneServices(): PaneServices {
  const services = useContext(PaneContext);
  if (!services) throw new Error('usePaneServices needs a PaneServicesProvider above it');
  return services;
}
