import { AppError } from '../contract/errors';

/** A document's PDF as the bridge sends it; `fileName` is null when the bridge named none. */
export type PdfDownload = { bytes: Uint8Array; fileName: string | null };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * Checks that the answer really is a PDF before it reaches the user's message: an HTML error page or a
 * truncated body attached to an invoice mail would be worse than a clear error.
 */
export async function readPdfResponse(response: Response): Promise<PdfDownload> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^application\/pdf\b/i.test(contentType)) {
    throw new AppError(
      'malformed_response',
      `The LedgerMail bridge sent ${contentType || 'no content type'}, not a PDF.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new AppError('malformed_response', 'The PDF from the LedgerMail bridge could not be read.', { cause: error });
  }
  if (!PDF_MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw new AppError('malformed_response', 'The LedgerMail bridge sent a file that is not a PDF.');
  }
  return { bytes, fileName: fileNameFromDisposition(response.headers.get('content-disposition')) };
}

/**
 * The file name of a Content-Disposition header (RFC 6266): `filename*` (RFC 8187, UTF-8, percent-encoded)
 * wins over `filename`, because only it carries umlauts and accents reliably (`Rechnung`, `Facture`, `Fattura`).
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return sanitizeFileName(decodeURIComponent(extended[2].trim()));
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter below.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
  const value = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return value ? sanitizeFileName(value) : null;
}

/** Outlook shows the name as given; a path or control characters in it would only confuse the recipient. */
function sanitizeFileName(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' ? null : base;
}
