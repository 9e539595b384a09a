import type { AddinCommandEvent } from './command-runs';
import type { MailboxVersion } from './compose-state';
import type { SimulatedMessageCompose } from './message-compose';

export type Theme = 'light' | 'dark';

export type HostSettings = {
  version: MailboxVersion;
  /** Outlook's display language tag, e.g. `de-CH`. */
  displayLanguage: string;
  theme: Theme;
};

/** Office's theme colours for Outlook on the web (light and dark), as officeTheme reports them. */
export const THEMES: Record<Theme, Office.OfficeTheme> = {
  light: {
    bodyBackgroundColor: '#FFFFFF',
    bodyForegroundColor: '#242424',
    controlBackgroundColor: '#FFFFFF',
    controlForegroundColor: '#242424',
  } as Office.OfficeTheme,
  dark: {
    bodyBackgroundColor: '#1F1F1F',
    bodyForegroundColor: '#FFFFFF',
    controlBackgroundColor: '#292929',
    controlForegroundColor: '#FFFFFF',
  } as Office.OfficeTheme,
};

/** The Office namespace as LedgerMail's pages use it, typed by @types/office-js. */
export type SimulatedOfficeNamespace = {
  onReady: typeof Office.onReady;
  context: {
    readonly displayLanguage: string;
    readonly contentLanguage: string;
    readonly officeTheme: Office.OfficeTheme;
    readonly requirements: Office.RequirementSetSupport;
    readonly ui: Pick<Office.UI, 'displayDialogAsync'>;
    readonly host: Office.HostType;
    readonly platform: Office.PlatformType;
    readonly mailbox: Pick<Office.Mailbox, 'addHandlerAsync' | 'removeHandlerAsync'> & {
      readonly item: SimulatedMessageCompose;
      readonly userProfile: Pick<Office.UserProfile, 'displayName' | 'emailAddress' | 'timeZone' | 'accountType'>;
      readonly diagnostics: Pick<Office.Diagnostics, 'hostName' | 'hostVersion'>;
    };
  };
  actions: { associate(actionId: string, actionFunction: (event: AddinCommandEvent) => unknown): void };
  AsyncResultStatus: typeof Office.AsyncResultStatus;
  CoercionType: typeof Office.CoercionType;
  EventType: typeof Office.EventType;
  MailboxEnums: typeof Office.MailboxEnums;
  HostType: typeof Office.HostType;
  PlatformType: typeof Office.PlatformType;
};
