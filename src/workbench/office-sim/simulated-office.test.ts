import { createDraftsFolder, createSimulatedOffice, OfficeArgumentError, type SimulatedOfficeOptions } from './index';
import { eventually } from '../../../test/support/eventually';

type AsyncResult<T> = Office.AsyncResult<T>;

/** Calls an Office callback API and resolves with the AsyncResult, noting whether the callback ran synchronously. */
function call<T>(run: (callback: (result: AsyncResult<T>) => void) => void): Promise<AsyncResult<T>> & {
  synchronous: boolean;
} {
  let synchronous = false;
  let returned = false;
  const promise = new Promise<AsyncResult<T>>((resolve) => {
    run((result) => {
      synchronous = !returned;
      resolve(result);
    });
    returned = true;
  });
  return Object.assign(promise, {
    get synchronous() {
      return synchronous;
    },
  });
}

function setup(options: SimulatedOfficeOptions = {}) {
  const sim = createSimulatedOffice(options);
  return { ...sim, item: () => sim.office.context.mailbox.item };
}

describe('simulated Office: the asynchronous contract', () => {
  it('answers every call through a later callback with status, value and the caller’s asyncContext', async () => {
    const { item, host } = setup();
    host.editSubject('Rechnung 2024-017');
    const pending = call<string>((cb) => item().subject.getAsync({ asyncContext: { step: 1 } }, cb));
    const result = await pending;
    expect(pending.synchronous).toBe(false);
    expect(result.status).toBe('succeeded');
    expect(result.value).toBe('Rechnung 2024-017');
    expect(result.asyncContext).toEqual({ step: 1 });
  });

  it('throws synchronously, as Outlook does, for a subject over 255 characters', async () => {
    const { item, state } = setup();
    expect(() => item().subject.setAsync('x'.repeat(256), () => undefined)).toThrow(OfficeArgumentError);
    const result = await call<void>((cb) => item().subject.setAsync('x'.repeat(255), cb));
    expect(result.status).toBe('succeeded');
    expect(state.get().subject).toHaveLength(255);
  });

  it('returns an injected fault with Outlook’s code and name, once', async () => {
    const { item, host } = setup();
    host.failNext('saveAsync', 'SaveError');
    const first = await call<string>((cb) => item().saveAsync(cb));
    expect(first.status).toBe('failed');
    expect(first.error).toMatchObject({ code: 9021, name: 'SaveError' });
    const second = await call<string>((cb) => item().saveAsync(cb));
    expect(second.status).toBe('succeeded');
    expect(second.value).toMatch(/^AAMk/);
  });
});

describe('simulated Office: host versions', () => {
  it('answers requirement checks like a Mailbox 1.13 host and offers no closeAsync there', () => {
    const { office } = setup({ version: '1.13' });
    expect(office.context.requirements.isSetSupported('Mailbox', '1.8')).toBe(true);
    expect(office.context.requirements.isSetSupported('Mailbox', '1.13')).toBe(true);
    expect(office.context.requirements.isSetSupported('Mailbox', '1.14')).toBe(false);
    expect(office.context.requirements.isSetSupported('IdentityAPI', '1.3')).toBe(false);
    expect(office.context.mailbox.item.closeAsync).toBeUndefined();
  });

  it('discards the draft with closeAsync({ discardItem: true }) on 1.14 and later', async () => {
    const { office, state, host } = setup({ version: '1.13' });
    host.configure({ version: '1.15' });
    const closeAsync = office.context.mailbox.item.closeAsync;
    expect(typeof closeAsync).toBe('function');
    const result = await call<void>((cb) => closeAsync!({ discardItem: true }, cb));
    expect(result.status).toBe('succeeded');
    expect(state.get().lifecycle).toBe('discarded');
  });
});

describe('simulated Office: recipients and body', () => {
  it('sets, adds and reads recipients, and raises RecipientsChanged for the add-in’s and the person’s edits', async () => {
    const { item, host } = setup();
    const events: unknown[] = [];
    await call<void>((cb) =>
      item().addHandlerAsync('olkRecipientsChanged' as never, (e: unknown) => events.push(e), cb),
    );
    await call<void>((cb) => item().to.setAsync(['max@example.org'], cb));
    await call<void>((cb) => item().to.addAsync([{ emailAddress: 'eva@example.ch', displayName: 'Eva' }], cb));
    host.editRecipients('cc', [{ emailAddress: 'buchhaltung@example.ch', displayName: 'Buchhaltung' }]);
    const to = await call<Office.EmailAddressDetails[]>((cb) => item().to.getAsync(cb));
    expect(to.value.map((r) => r.emailAddress)).toEqual(['max@example.org', 'eva@example.ch']);
    await eventually(() => expect(events).toHaveLength(3));
    expect(events[2]).toMatchObject({ changedRecipientFields: { to: false, cc: true, bcc: false } });
  });

  it('converts the body between HTML and text and appends at the cursor', async () => {
    const { item, host } = setup();
    host.editBodyText('Guten Tag\nAnbei die Rechnung.');
    const type = await call<Office.CoercionType>((cb) => item().body.getTypeAsync(cb));
    expect(type.value).toBe('html');
    await call<void>((cb) =>
      item().body.setSelectedDataAsync(' Freundliche Grüsse', { coercionType: 'text' as never }, cb),
    );
    const text = await call<string>((cb) => item().body.getAsync('text' as never, cb));
    expect(text.value).toBe('Guten Tag\nAnbei die Rechnung. Freundliche Grüsse');
  });

  it('reports what the person selected, and replaces the selection with what the add-in inserts', async () => {
    const { item, host } = setup();
    host.editBodyText('Guten Tag Frau Brunner');
    expect(() => host.selectBodyText('Herr')).toThrow(/no text "Herr"/);
    host.selectBodyText('Frau Brunner');
    const selected = await call<{ data: string }>((cb) => item().getSelectedDataAsync('text' as never, cb));
    expect(selected.value.data).toBe('Frau Brunner');
    await call<void>((cb) => item().body.setSelectedDataAsync('Herr Favre', { coercionType: 'text' as never }, cb));
    const text = await call<string>((cb) => item().body.getAsync('text' as never, cb));
    expect(text.value).toBe('Guten Tag Herr Favre');
    // The cursor then sits after the insertion, with nothing selected.
    const after = await call<{ data: string }>((cb) => item().getSelectedDataAsync('text' as never, cb));
    expect(after.value.data).toBe('');
  });

  it('raises AttachmentsChanged for the person’s and the add-in’s attachments, from Mailbox 1.8', async () => {
    const { item, host } = setup();
    const events: { attachmentStatus: string; attachmentDetails: { name: string } }[] = [];
    await call<void>((cb) =>
      item().addHandlerAsync('olkAttachmentsChanged' as never, (e: never) => events.push(e), cb),
    );
    const added = await call<string>((cb) => item().addFileAttachmentFromBase64Async('JVBERi0=', 'a.pdf', cb));
    host.removeAttachment(added.value);
    await eventually(() => expect(events).toHaveLength(2));
    expect(events.map((e) => [e.attachmentStatus, e.attachmentDetails.name])).toEqual([
      ['added', 'a.pdf'],
      ['removed', 'a.pdf'],
    ]);
  });

  it('moves a pinned pane to the new draft as Outlook does: a new item, then ItemChanged on the mailbox', async () => {
    const { office, host } = setup();
    const before = office.context.mailbox.item;
    const itemEvents: unknown[] = [];
    await call<void>((cb) =>
      before.addHandlerAsync('olkAttachmentsChanged' as never, (e: never) => itemEvents.push(e), cb),
    );
    const seen: { type: string; item: unknown }[] = [];
    await call<void>((cb) =>
      office.context.mailbox.addHandlerAsync(
        'olkItemSelectedChanged' as never,
        (e: { type: string }) => seen.push({ type: e.type, item: office.context.mailbox.item }),
        cb,
      ),
    );
    host.newDraft({ subject: 'Second message' });
    await eventually(() => expect(seen).toHaveLength(1));
    // When the handler runs, Office.context.mailbox.item is already the new item.
    expect(seen[0]!.type).toBe('olkItemSelectedChanged');
    expect(seen[0]!.item).not.toBe(before);
    const subject = await call<string>((cb) => office.context.mailbox.item.subject.getAsync(cb));
    expect(subject.value).toBe('Second message');
    // The old item's handlers went with it.
    host.attachFile('a.pdf', 'JVBERi0=');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(itemEvents).toEqual([]);

    await call<void>((cb) => office.context.mailbox.removeHandlerAsync('olkItemSelectedChanged' as never, cb));
    host.newDraft();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(1);
  });

  it('counts the add-in’s calls, refused ones included', async () => {
    const { item, host } = setup();
    host.failNext('subject.getAsync', 'NetworkError');
    await call<string>((cb) => item().subject.getAsync(cb));
    await call<string>((cb) => item().subject.getAsync(cb));
    expect(host.callCount('subject.getAsync')).toBe(2);
    await call<string>((cb) => item().addFileAttachmentFromBase64Async('JVBERi0=', 'a.pdf', cb));
    expect(host.callCount('addFileAttachmentFromBase64Async')).toBe(1);
    expect(host.callCount('saveAsync')).toBe(0);
  });
});

describe('simulated Office: custom properties', () => {
  it('keeps changes on the loaded copy until saveAsync, then every runtime sees them', async () => {
    const { item } = setup();
    const loaded = await call<Office.CustomProperties>((cb) => item().loadCustomPropertiesAsync(cb));
    loaded.value.set('ledgermail.documents', '[]');
    const before = await call<Office.CustomProperties>((cb) => item().loadCustomPropertiesAsync(cb));
    expect(before.value.get('ledgermail.documents')).toBeUndefined();
    await call<void>((cb) => loaded.value.saveAsync(cb));
    const after = await call<Office.CustomProperties>((cb) => item().loadCustomPropertiesAsync(cb));
    expect(after.value.get('ledgermail.documents')).toBe('[]');
  });
});

describe('simulated Office: the Drafts folder', () => {
  it('keeps a draft as it was saved, custom properties included, to be opened again after a reload', async () => {
    const drafts = createDraftsFolder();
    const before = setup({ drafts });
    before.host.editSubject('Invoice 2026-0042');
    const properties = await call<Office.CustomProperties>((cb) => before.item().loadCustomPropertiesAsync(cb));
    properties.value.set('ledgermail.send', '{"generation":0}');
    await call<void>((cb) => properties.value.saveAsync(cb));
    const saved = await call<string>((cb) => before.item().saveAsync(cb));
    before.host.editSubject('Changed after the save');

    // The page reloads: a new simulated Outlook, an empty draft, the same Drafts folder.
    const after = setup({ drafts });
    expect(after.state.get().subject).toBe('');
    expect((await after.host.savedDrafts()).map((d) => [d.itemId, d.subject])).toEqual([
      [saved.value, 'Invoice 2026-0042'],
    ]);
    const changed: string[] = [];
    await call<void>((cb) =>
      after.office.context.mailbox.addHandlerAsync('olkItemSelectedChanged' as never, () => changed.push('x'), cb),
    );
    await after.host.openDraft(saved.value);
    expect(after.state.get()).toMatchObject({ subject: 'Invoice 2026-0042', itemId: saved.value, lifecycle: 'saved' });
    expect(after.state.get().customProperties).toEqual({ 'ledgermail.send': '{"generation":0}' });
    await eventually(() => expect(changed).toHaveLength(1));
    // Saved again under the same id: still one draft.
    const again = await call<string>((cb) => after.item().saveAsync(cb));
    expect(again.value).toBe(saved.value);
    expect(await after.host.savedDrafts()).toHaveLength(1);
  });

  it('takes a discarded draft out of the folder', async () => {
    const drafts = createDraftsFolder();
    const { item, host } = setup({ drafts });
    await call<string>((cb) => item().saveAsync(cb));
    expect(await host.savedDrafts()).toHaveLength(1);
    await call<void>((cb) => item().closeAsync!({ discardItem: true }, cb));
    expect(await host.savedDrafts()).toEqual([]);
  });
});
