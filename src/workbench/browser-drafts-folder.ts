import { createDraftsFolder, newestFirst, type DraftsFolder, type SavedDraft } from './office-sim';

const DATABASE = 'ledgermail-workbench';
const STORE = 'drafts';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'itemId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });
}

/**
 * The simulated Outlook's Drafts folder in the browser's IndexedDB: a saved draft outlives a reload of the
 * workbench, as Outlook's does a reload of Outlook on the web (IndexedDB, not localStorage: a draft carries
 * attachments of up to 25 MB). Where the browser has no IndexedDB, the folder lives as long as the page.
 */
export function browserDraftsFolder(): DraftsFolder {
  if (typeof indexedDB === 'undefined') return createDraftsFolder();
  let database: Promise<IDBDatabase> | undefined;
  const run = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) =>
    (database ??= openDatabase()).then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const transaction = db.transaction(STORE, mode);
          const request = work(transaction.objectStore(STORE));
          transaction.oncomplete = () => resolve(request.result);
          transaction.onerror = transaction.onabort = () =>
            reject(transaction.error ?? new Error('IndexedDB transaction failed'));
        }),
    );
  return {
    save: (draft) => run('readwrite', (store) => store.put(draft)).then(() => undefined),
    remove: (itemId) => run('readwrite', (store) => store.delete(itemId)).then(() => undefined),
    list: () =>
      run('readonly', (store) => store.getAll() as IDBRequest<SavedDraft[]>).then((all) => all.sort(newestFirst)),
  };
}
