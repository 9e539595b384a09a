import { CommandRegistry } from './command-runs';
import {
  ComposeState,
  newDraftSnapshot,
  textToHtml,
  type ComposeInit,
  type ComposeSnapshot,
  type RecipientField,
  type SimRecipient,
} from './compose-state';
import { createDraftsFolder, observedDraftsFolder, type DraftsFolder, type SavedDraft } from './drafts-folder';
import { createMailboxEvents, fireItemChanged } from './mailbox-events';
import { createMessageCompose } from './message-compose';
import { THEMES, type HostSettings, type SimulatedOfficeNamespace } from './office-namespace';
import { dismissNotification } from './notifications';
import { createDialogHost } from './dialogs';
import { AsyncResultStatus, CoercionType, EventType, HostType, MailboxEnums, PlatformType } from './office-enums';
import { contentTypeOf } from '../../contract/content-types';
import { base64ByteLength, bodyAs } from './compose-state';
import type { OutlookErrorName } from './office-errors';
import { versionAtLeast, type RecipientsChangedEvent, type SimRuntime } from './sim-runtime';
import { smartAlertOf, type OnSendLaunchEvent, type SmartAlert } from './smart-alerts';

export type SimulatedOfficeOptions = Partial<HostSettings> & {
  /** Extra delay before each callback, to make timing visible; 0 still answers asynchronously. */
  latencyMs?: number;
  compose?: ComposeInit;
  userProfile?: { displayName: string; emailAddress: string };
  commandTimeLimitMs?: number;
  /**
   * Whether the host reports the origin of dialog messages (requirement set DialogOrigin 1.1), as current
   * Outlooks do; older ones leave it undefined. Default true.
   */
  dialogOrigin?: boolean;
  /** Outlook's Drafts folder; one in memory unless the workbench hands in the browser's (it outlives a reload). */
  drafts?: DraftsFolder;
};

export type SimulatedOffice = ReturnType<typeof createSimulatedOffice>;

/**
 * One simulated Outlook compose window: the Office namespace handed to the add-in's pages, and the host
 * controls a person (the workbench form) or a test uses to play Outlook's side.
 */
export function createSimulatedOffice(options: SimulatedOfficeOptions = {}) {
  let settings: HostSettings = {
    version: options.version ?? '1.15',
    displayLanguage: options.displayLanguage ?? 'en-US',
    theme: options.theme ?? 'light',
  };
  const settingsListeners = new Set<() => void>();
  const faults = new Map<string, OutlookErrorName[]>();
  const state = new ComposeState({
    ...options.compose,
    ...(options.userProfile ? { from: options.userProfile } : {}),
  });
  const commands = new CommandRegistry(options.commandTimeLimitMs);
  const draftsListeners = new Set<() => void>();
  const drafts = observedDraftsFolder(options.drafts ?? createDraftsFolder(), () => {
    for (const listener of [...draftsListeners]) listener();
  });

  const runtime: SimRuntime = {
    state,
    drafts,
    version: () => settings.version,
    latencyMs: () => options.latencyMs ?? 0,
    takeFault(api) {
      const queue = faults.get(api);
      return queue?.shift();
    },
    calls: new Map(),
    selection: '',
    recipientsChangedHandlers: new Set(),
    attachmentsChangedHandlers: new Set(),
    itemChangedHandlers: new Set(),
    fireAttachmentsChanged(attachmentStatus, attachment) {
      const event = {
        type: EventType.AttachmentsChanged as unknown as string,
        attachmentStatus,
        attachmentDetails: { id: attachment.id, name: attachment.name },
      };
      for (const handler of [...runtime.attachmentsChangedHandlers]) setTimeout(() => handler(event), 0);
    },
    fireRecipientsChanged(fields: readonly RecipientField[]) {
      const event: RecipientsChangedEvent = {
        type: EventType.RecipientsChanged as unknown as string,
        changedRecipientFields: { to: fields.includes('to'), cc: fields.includes('cc'), bcc: fields.includes('bcc') },
      };
      // Outlook raises the event from its own task, after the change is visible to getAsync.
      for (const handler of [...runtime.recipientsChangedHandlers]) setTimeout(() => handler(event), 0);
    },
  };
  let item = createMessageCompose(runtime);
  const mailboxEvents = createMailboxEvents(runtime);
  const dialogOrigin = options.dialogOrigin ?? true;
  const dialogs = createDialogHost(runtime, { reportsOrigin: dialogOrigin });

  /** Another item in the compose window: a new item object, the old one's handlers gone, ItemChanged raised. */
  function switchItem(snapshot: ComposeSnapshot): void {
    runtime.recipientsChangedHandlers.clear();
    runtime.attachmentsChangedHandlers.clear();
    runtime.selection = '';
    state.update(snapshot);
    item = createMessageCompose(runtime);
    fireItemChanged(runtime);
  }

  const office: SimulatedOfficeNamespace = {
    onReady(callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => unknown) {
      const info = { host: HostType.Outlook, platform: PlatformType.OfficeOnline };
      return new Promise((resolve) => {
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0);
      });
    },
    context: {
      get displayLanguage() {
        return settings.displayLanguage;
      },
      get contentLanguage() {
        return settings.displayLanguage;
      },
      get officeTheme() {
        return THEMES[settings.theme];
      },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) => {
          const wanted = String(minVersion ?? '1.0');
          switch (name.toLowerCase()) {
            case 'mailbox':
              return versionAtLeast(settings.version, wanted);
            case 'dialogapi':
              return versionAtLeast('1.2', wanted);
            case 'dialogorigin':
              return dialogOrigin && versionAtLeast('1.1', wanted);
            default:
              return false; // NestedAppAuth among others: the simulated Outlook signs in through the dialog
          }
        },
      },
      // The dialog API; the simulated Outlook has no nested app authentication (NestedAppAuth), so an
      // Entra ID bridge is signed in to through LedgerMail's sign-in dialog.
      ui: dialogs.ui,
      host: HostType.Outlook,
      platform: PlatformType.OfficeOnline,
      mailbox: {
        get item() {
          return item;
        },
        ...mailboxEvents,
        get userProfile() {
          const from = state.get().from;
          return {
            displayName: from.displayName,
            emailAddress: from.emailAddress,
            timeZone: 'W. Europe Standard Time',
            accountType: 'enterprise' as const,
          };
        },
        get diagnostics() {
          return { hostName: 'OutlookWebApp', hostVersion: `Mailbox ${settings.version} (simulated)` };
        },
      },
    },
    actions: { associate: commands.associate },
    AsyncResultStatus,
    CoercionType,
    EventType,
    MailboxEnums,
    HostType,
    PlatformType,
  };

  const host = {
    settings: (): HostSettings => settings,
    subscribeSettings(listener: () => void): () => void {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    /**
     * Switches the simulated host. Pages read Office.context at start, so the workbench reloads them, and
     * what the old pages registered (event handlers, associated functions) goes with them.
     */
    configure(change: Partial<HostSettings>): void {
      settings = { ...settings, ...change };
      runtime.recipientsChangedHandlers.clear();
      runtime.attachmentsChangedHandlers.clear();
      runtime.itemChangedHandlers.clear();
      commands.clearAssociations();
      if (change.version) item = createMessageCompose(runtime);
      for (const listener of [...settingsListeners]) listener();
    },
    /** The person edits a recipient line; Outlook then raises RecipientsChanged. */
    editRecipients(field: RecipientField, recipients: readonly SimRecipient[]): void {
      state.update({ [field]: [...recipients] });
      runtime.fireRecipientsChanged([field]);
    },
    editSubject(subject: string): void {
      state.update({ subject });
    },
    editBodyText(text: string): void {
      const type = state.get().body.type;
      runtime.selection = '';
      state.update({ body: { type, content: type === 'html' ? textToHtml(text) : text } });
    },
    /** The person selects this text of the body (the first place it stands); '' puts the cursor at the end. */
    selectBodyText(text: string): void {
      if (text !== '' && !bodyAs(state.get().body, 'text').includes(text)) {
        throw new Error(`The body has no text "${text}" to select.`);
      }
      runtime.selection = text;
    },
    /** How often the add-in called `api` (e.g. `addFileAttachmentFromBase64Async`), refused calls included. */
    callCount: (api: string): number => runtime.calls.get(api) ?? 0,
    /** The person attaches a file through Outlook's own UI (not subject to the add-in's call limits). */
    attachFile(name: string, base64: string): string {
      const id = `user-attachment-${state.get().attachments.length + 1}-${Date.now()}`;
      const attachment = {
        id,
        name,
        base64,
        size: base64ByteLength(base64),
        isInline: false,
        contentType: contentTypeOf(name),
      };
      state.update({ attachments: [...state.get().attachments, attachment] });
      runtime.fireAttachmentsChanged('added', attachment);
      return id;
    },
    removeAttachment(id: string): void {
      const removed = state.get().attachments.find((a) => a.id === id);
      state.update({ attachments: state.get().attachments.filter((a) => a.id !== id) });
      if (removed) runtime.fireAttachmentsChanged('removed', removed);
    },
    dismissNotification: (key: string) => dismissNotification(runtime, key),
    /** Makes the next call of `api` (e.g. `saveAsync`, `to.getAsync`) fail with this Outlook error. */
    failNext(api: string, error: OutlookErrorName): void {
      faults.set(api, [...(faults.get(api) ?? []), error]);
    },
    /**
     * Starts a new, empty draft (the previous one is gone, as after a discard). The workbench's task pane is
     * pinned (the manifest's SupportsPinning): Outlook moves it to the new item, a new item object, and raises
     * ItemChanged on the mailbox; what the pane registered on the old item goes with that item.
     */
    newDraft(init: ComposeInit = {}): void {
      switchItem(newDraftSnapshot({ from: state.get().from, ...init }));
    },
    /** The drafts saved in Outlook's Drafts folder, newest first. */
    savedDrafts: (): Promise<SavedDraft[]> => runtime.drafts.list(),
    /** Called whenever a draft is saved to or removed from the Drafts folder. */
    subscribeDrafts(listener: () => void): () => void {
      draftsListeners.add(listener);
      return () => draftsListeners.delete(listener);
    },
    /** The person opens a saved draft from the Drafts folder: it is the item now, as it was saved. */
    async openDraft(itemId: string): Promise<void> {
      const draft = (await runtime.drafts.list()).find((d) => d.itemId === itemId);
      if (!draft) throw new Error(`No saved draft ${itemId} in the Drafts folder.`);
      const { savedAt: _savedAt, ...saved } = draft;
      switchItem({ ...saved, notifications: [], lifecycle: 'saved' });
    },
    runFunction: (functionName: string, controlId: string) => commands.run(functionName, controlId),
    /**
     * The person clicks Send. With the manifest's OnMessageSend declared (and Mailbox 1.12), Outlook runs its
     * handler and waits for its answer: no alert means the message goes, else the Smart Alert to show. What
     * Send then does with the message (the mailbox) is the workbench's; `markSent` closes the item after it.
     */
    async clickSend(launch: OnSendLaunchEvent | undefined): Promise<SmartAlert | undefined> {
      if (state.get().lifecycle === 'sent' || state.get().lifecycle === 'discarded') {
        throw new Error('This item is no longer open: start a new draft.');
      }
      if (!launch || !versionAtLeast(settings.version, '1.12')) return undefined;
      const run = await commands.run(launch.functionName, 'OnMessageSend');
      return smartAlertOf(run, launch.sendMode, settings.version);
    },
    /** The mailbox took the message: the compose window closes, as Outlook's does. */
    markSent(): void {
      state.update({ lifecycle: 'sent' });
    },
    /** The dialogs the add-in opened; a test plays the dialog page's side. */
    dialogs: dialogs.host,
    commands,
    recipientsChangedHandlerCount: () => runtime.recipientsChangedHandlers.size,
  };

  return { office, state, host };
}
