/**
 * Random access to a file's bytes without holding a second copy of it: the add-in has the attachment as
 * base64 (Office's getAttachmentContentAsync), the bridge as 1 MB chunks (decision 003). The file rule reads
 * only the first bytes, and for a ZIP its end and central directory. Plain Uint8Array and atob, so the
 * add-in's command runs the same code as the bridge.
 */
export type ByteSource = {
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer at the end of the file. */
  read(offset: number, length: number): Uint8Array;
};

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

/** Chunks in order, as the bridge's send body parser stores an attachment. */
export function chunksSource(chunks: readonly Uint8Array[]): ByteSource {
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  return {
    size,
    read(offset, length) {
      const end = Math.min(size, offset + length);
      const out = new Uint8Array(Math.max(0, end - offset));
      let start = 0;
      for (const chunk of chunks) {
        const from = Math.max(offset, start);
        const to = Math.min(end, start + chunk.length);
        if (from < to) out.set(chunk.subarray(from - start, to - start), from - offset);
        start += chunk.length;
        if (start >= end) break;
      }
      return out;
    },
  };
}

/** Standard base64 without whitespace: each 4 characters are 3 bytes, so a range decodes on its own. */
export function base64Source(base64: string): ByteSource {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const size = (base64.length / 4) * 3 - padding;
  return {
    size,
    read(offset, length) {
      const end = Math.min(size, offset + length);
      if (end <= offset) return new Uint8Array(0);
      const first = Math.floor(offset / 3);
      const binary = atob(base64.slice(first * 4, Math.ceil(end / 3) * 4));
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      return bytes.subarray(offset - first * 3, end - first * 3);
    },
  };
}
