import type { ComposeSnapshot } from './compose-state';

/** A draft as Outlook keeps it: what `saveAsync` saved last, custom properties included, without its window. */
export type SavedDraft = Omit<ComposeSnapshot, 'notifications' | 'lifecycle' | 'itemId'> & {
  itemId: string;
  savedAt: string;
};

/**
 * Outlook's Drafts folder: a saved draft outlives its compose window, and a person opens it again from there
 * (after Outlook on the web reloaded, after a crash). The workbench keeps it in the browser (IndexedDB), so
 * it outlives a reload of the workbench page too; tests use the one in memory.
 */
export type DraftsFolder = {
  save(draft: SavedDraft): Promise<void>;
  remove(itemId: string): Promise<void>;
  /** Newest first. */
  list(): Promise<SavedDraft[]>;
};

export function createDraftsFolder(): DraftsFolder {
  const drafts = new Map<string, SavedDraft>();
  return {
    save: async (draft) => void drafts.set(draft.itemId, structuredClone(draft)),
    remove: async (itemId) => void drafts.delete(itemId),
    list: async () => [...drafts.values()].map((d) => structuredClone(d)).sort(newestFirst),
  };
}

export const newestFirst = (a: SavedDraft, b: SavedDraft) => b.savedAt.localeCompare(a.savedAt);

export function savedDraftOf(snapshot: ComposeSnapshot, itemId: string, savedAt: Date): SavedDraft {
  const { from, to, cc, bcc, subject, body, attachments, customProperties } = snapshot;
  return { from, to, cc, bcc, subject, body, attachments, customProperties, itemId, savedAt: savedAt.toISOString() };
}

/** The folder, telling `listener` after every change (the workbench lists the drafts). */
export function observedDraftsFolder(folder: DraftsFolder, listener: () => void): DraftsFolder {
  return {
    save: (draft) => folder.save(draft).finally(listener),
    remove: (itemId) => folder.remove(itemId).finally(listener),
    list: () => folder.list(),
  };
}
