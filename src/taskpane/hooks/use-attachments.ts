import { useCallback, useEffect, useRef, useState } from 'react';
import { documentTitle } from '../../contract/document-titles';
import type { DocumentSummary } from '../../contract/documents.schemas';
import { formatDate } from '../../contract/swiss-format';
import type { AttachedDocument } from '../../contract/item-state';
import { base64LengthOf, bytesToBase64, checkAttachmentLimits } from '../../services/attachment-limits';
import type { ComposeItem } from '../../services/compose-item';
import { describeError } from '../../services/error-explanations';
import { formatMegabytes } from '../file-size';
import type { PaneServices } from '../pane-context';
import { fillMessage } from './fill-message';

export type AttachState = { state: 'idle' } | { state: 'attaching' } | { state: 'attached'; fileName: string };
export type RowNotice = { intent: 'success' | 'error' | 'info'; message: string };
export type RowStatus = { attach: AttachState; filling: boolean; notice: RowNotice | null };

export type Attachments = {
  statusOf(documentId: string): RowStatus;
  attach(document: DocumentSummary): void;
  fill(document: DocumentSummary): void;
};

const IDLE: AttachState = { state: 'idle' };

/**
 * Attaching and filling, shared by every row of the pane (a document can show in both sections). Work runs
 * one operation at a time: Outlook on the web refuses a fourth attachment call in flight, and the list of
 * attached documents in the custom properties must not be written by two operations at once.
 */
export function useAttachments({ bridge, item, language, strings }: PaneServices): Attachments {
  const [attachStates, setAttachStates] = useState<ReadonlyMap<string, AttachState>>(new Map());
  const [filling, setFilling] = useState<ReadonlySet<string>>(new Set());
  const [notices, setNotices] = useState<ReadonlyMap<string, RowNotice | null>>(new Map());
  const queue = useRef<Promise<void>>(Promise.resolve());

  const setAttach = useCallback((id: string, state: AttachState) => {
    setAttachStates((current) => new Map(current).set(id, state));
  }, []);
  const setNotice = useCallback((id: string, notice: RowNotice | null) => {
    setNotices((current) => new Map(current).set(id, notice));
  }, []);
  const enqueue = useCallback((work: () => Promise<void>) => {
    queue.current = queue.current.then(work, work);
  }, []);

  // What an earlier session of the pane attached, as far as the attachments are still on the message.
  const reconcile = useCallback(async () => {
    const stillAttached = await attachedDocuments(item);
    const gone = (state: AttachState, id: string) => state.state === 'attached' && !stillAttached.has(id);
    setAttachStates((current) => {
      const next = new Map(current);
      for (const [id, state] of current) if (gone(state, id)) next.delete(id);
      for (const [id, entry] of stillAttached) next.set(id, { state: 'attached', fileName: entry.fileName });
      return next;
    });
    // "Attached as …" of a removed attachment would now be untrue.
    setNotices((current) => {
      const next = new Map(current);
      for (const id of current.keys())
        if (!stillAttached.has(id) && current.get(id)?.intent === 'success') next.delete(id);
      return next;
    });
  }, [item]);

  useEffect(() => {
    // A failed check only means the buttons start enabled; attach() checks again before adding anything.
    const run = () => enqueue(() => reconcile().catch(() => undefined));
    run();
    // The user may remove an attachment in Outlook: AttachmentsChanged says so at once (Mailbox 1.8); where
    // the host has no such event, the pane learns it when it gets focus again.
    let removeHandler: (() => Promise<void>) | null = null;
    let unmounted = false;
    item.onAttachmentsChanged(run).then(
      (remove) => {
        if (unmounted) void remove?.().catch(() => undefined);
        else removeHandler = remove;
      },
      // Not registered: the focus refresh below still notices removals, only later.
      () => undefined,
    );
    window.addEventListener('focus', run);
    return () => {
      unmounted = true;
      window.removeEventListener('focus', run);
      void removeHandler?.().catch(() => undefined);
    };
  }, [enqueue, reconcile, item]);

  /** Attaches the document's PDF unless it already is; says how it went on the row. Runs inside the queue. */
  const attachNow = useCallback(
    async (document: DocumentSummary): Promise<boolean> => {
      try {
        const attached = await attachedDocuments(item);
        const existing = attached.get(document.id);
        if (existing) {
          setAttach(document.id, { state: 'attached', fileName: existing.fileName });
          return true;
        }

        if (document.status === 'draft') {
          setAttach(document.id, IDLE);
          setNotice(document.id, { intent: 'error', message: strings.attach.draft(document.number) });
          return false;
        }
        // An overdue reminder is one whose own deadline has passed (an overdue invoice is still worth sending).
        if (document.kind === 'reminder' && document.status === 'overdue') {
          setAttach(document.id, IDLE);
          const date = formatDate(document.dueDate, language);
          setNotice(document.id, { intent: 'error', message: strings.attach.deadlinePassed(document.number, date) });
          return false;
        }
        const pdf = await bridge.getDocumentPdf(document.id);
        const present = await item.getAttachments();
        const verdict = checkAttachmentLimits({
          base64Length: base64LengthOf(pdf.bytes.length),
          fileBytes: pdf.bytes.length,
          existingAttachmentBytes: present.reduce((sum, a) => sum + a.size, 0),
        });
        if (verdict.verdict !== 'fits') {
          setAttach(document.id, IDLE);
          const message =
            verdict.verdict === 'file-too-large'
              ? strings.attach.fileTooLarge(formatMegabytes(pdf.bytes.length, language))
              : strings.attach.totalTooLarge(formatMegabytes(verdict.totalBytes, language));
          setNotice(document.id, { intent: 'error', message });
          return false;
        }

        const fileName =
          pdf.fileName ?? `${documentTitle(document, document.customer.language)} ${document.number}.pdf`;
        const attachmentId = await item.addFileAttachment(bytesToBase64(pdf.bytes), fileName);
        const entry: AttachedDocument = {
          documentId: document.id,
          attachmentId,
          fileName,
          kind: document.kind,
          number: document.number,
        };
        await item.saveAttachedDocuments([...attached.values(), entry]);
        setAttach(document.id, { state: 'attached', fileName });
        setNotice(document.id, { intent: 'success', message: strings.attach.attachedAs(fileName) });
        return true;
      } catch (error) {
        setAttach(document.id, IDLE);
        setNotice(document.id, { intent: 'error', message: describeError(error, strings.errors, 'when-specific') });
        return false;
      }
    },
    [bridge, item, language, strings, setAttach, setNotice],
  );

  const attach = useCallback(
    (document: DocumentSummary) => {
      setAttach(document.id, { state: 'attaching' });
      setNotice(document.id, null);
      enqueue(async () => void (await attachNow(document)));
    },
    [enqueue, attachNow, setAttach, setNotice],
  );

  const fill = useCallback(
    (document: DocumentSummary) => {
      setFilling((current) => new Set(current).add(document.id));
      setNotice(document.id, null);
      enqueue(async () => {
        try {
          // The sentence says the document is attached: attach it first, and write nothing if that failed.
          if (!(await attachNow(document))) return;
          const outcome = await fillMessage(item, document);
          const message = {
            filled: strings.fill.done,
            'selection-present': strings.fill.selectionPresent,
            'nothing-to-do': strings.fill.nothingToDo,
          }[outcome];
          setNotice(document.id, { intent: outcome === 'filled' ? 'success' : 'info', message });
        } catch (error) {
          setNotice(document.id, { intent: 'error', message: describeError(error, strings.errors, 'when-specific') });
        } finally {
          setFilling((current) => {
            const next = new Set(current);
            next.delete(document.id);
            return next;
          });
        }
      });
    },
    [item, strings, enqueue, setNotice, attachNow],
  );

  const statusOf = useCallback(
    (id: string): RowStatus => ({
      attach: attachStates.get(id) ?? IDLE,
      filling: filling.has(id),
      notice: notices.get(id) ?? null,
    }),
    [attachStates, filling, notices],
  );

  return { statusOf, attach, fill };
}

/** The recorded documents whose attachment is still on the item, by document id. */
async function attachedDocuments(item: ComposeItem): Promise<Map<string, AttachedDocument>> {
  const [recorded, present] = await Promise.all([item.loadAttachedDocuments(), item.getAttachments()]);
  const presentIds = new Set(present.map((a) => a.id));
  return new Map(recorded.filter((entry) => presentIds.has(entry.attachmentId)).map((e) => [e.documentId, e]));
}
