import { deliver, failed, parseCommonParameters, succeeded } from './async-result';
import { contentTypeOf } from '../../contract/content-types';
import { base64ByteLength, isWellFormedBase64, type SimAttachment } from './compose-state';
import { OfficeArgumentError, throwIfOutOfRange } from './office-errors';
import { answer, countCall, type SimRuntime } from './sim-runtime';

/**
 * Outlook's attachment limits (Mailbox 1.8 `addFileAttachmentFromBase64Async`): 34,865,152 base64
 * characters per call, 25 MB for all attachments of an item on the web and in the new Outlook, at most 3
 * attachment calls in flight there, 499 files per item, and names of at most 255 characters.
 */
export const MAX_BASE64_LENGTH = 34_865_152;
export const MAX_TOTAL_BYTES = 25 * 1024 * 1024;
export const MAX_CONCURRENT_ATTACHMENT_CALLS = 3;
export const MAX_ATTACHMENTS = 499;
export const MAX_ATTACHMENT_NAME_LENGTH = 255;

export type AttachmentApi = Pick<
  Office.MessageCompose,
  'addFileAttachmentFromBase64Async' | 'getAttachmentsAsync' | 'removeAttachmentAsync' | 'getAttachmentContentAsync'
>;

export function createAttachmentApi(runtime: SimRuntime): AttachmentApi & { inFlight(): number } {
  const { state } = runtime;
  let inFlight = 0;
  let nextId = 1;

  return {
    inFlight: () => inFlight,

    addFileAttachmentFromBase64Async(base64: unknown, name: unknown, ...rest: unknown[]) {
      countCall(runtime, 'addFileAttachmentFromBase64Async');
      if (typeof base64 !== 'string' || base64 === '')
        throw new OfficeArgumentError('Sys.ArgumentException', 'base64Encoded');
      if (typeof name !== 'string' || name === '')
        throw new OfficeArgumentError('Sys.ArgumentException', 'attachmentName');
      throwIfOutOfRange(name.length, 0, MAX_ATTACHMENT_NAME_LENGTH, 'attachmentName');
      const { options, callback, asyncContext } = parseCommonParameters(rest, false);
      const latency = runtime.latencyMs();
      // Outlook on the web refuses a fourth attachment call while three are still uploading.
      if (inFlight >= MAX_CONCURRENT_ATTACHMENT_CALLS) {
        deliver(callback, failed<string>('AttachmentUploadGeneralFailure', asyncContext), latency);
        return;
      }
      inFlight += 1;
      setTimeout(() => {
        inFlight -= 1;
        const fault = runtime.takeFault('addFileAttachmentFromBase64Async');
        if (fault) return callback?.(failed<string>(fault, asyncContext));
        const current = state.get().attachments;
        const size = base64ByteLength(base64);
        const total = current.reduce((sum, a) => sum + a.size, 0) + size;
        if (!isWellFormedBase64(base64))
          return callback?.(failed<string>('AttachmentUploadGeneralFailure', asyncContext));
        if (base64.length > MAX_BASE64_LENGTH || total > MAX_TOTAL_BYTES) {
          return callback?.(failed<string>('AttachmentSizeExceeded', asyncContext));
        }
        if (current.length >= MAX_ATTACHMENTS)
          return callback?.(failed<string>('NumberOfAttachmentsExceeded', asyncContext));
        const attachment: SimAttachment = {
          id: `sim-attachment-${nextId++}`,
          name,
          size,
          base64,
          isInline: options?.isInline === true,
          contentType: contentTypeOf(name),
        };
        state.update({ attachments: [...current, attachment] });
        runtime.fireAttachmentsChanged('added', attachment);
        callback?.(succeeded(attachment.id, asyncContext));
      }, latency);
    },

    getAttachmentsAsync(...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      answer<Office.AttachmentDetailsCompose[]>(runtime, 'getAttachmentsAsync', callback, asyncContext, () => ({
        value: state.get().attachments.map(
          (a) =>
            ({
              id: a.id,
              name: a.name,
              size: a.size,
              isInline: a.isInline,
              contentType: a.contentType,
              attachmentType: 'file',
            }) as unknown as Office.AttachmentDetailsCompose,
        ),
      }));
    },

    removeAttachmentAsync(id: unknown, ...rest: unknown[]) {
      if (typeof id !== 'string' || id === '') throw new OfficeArgumentError('Sys.ArgumentException', 'attachmentId');
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'removeAttachmentAsync', callback, asyncContext, () => {
        const current = state.get().attachments;
        const removed = current.find((a) => a.id === id);
        if (!removed) return { error: 'InvalidAttachmentId' };
        state.update({ attachments: current.filter((a) => a.id !== id) });
        runtime.fireAttachmentsChanged('removed', removed);
        return { value: undefined };
      });
    },

    getAttachmentContentAsync(id: unknown, ...rest: unknown[]) {
      if (typeof id !== 'string' || id === '') throw new OfficeArgumentError('Sys.ArgumentException', 'attachmentId');
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      answer<Office.AttachmentContent>(runtime, 'getAttachmentContentAsync', callback, asyncContext, () => {
        const attachment = state.get().attachments.find((a) => a.id === id);
        if (!attachment) return { error: 'InvalidAttachmentId' };
        return { value: { format: 'base64', content: attachment.base64 } as Office.AttachmentContent };
      });
    },
  };
}
