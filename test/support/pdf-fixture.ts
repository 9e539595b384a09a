import PDFDocument from 'pdfkit';

/**
 * Renders a real, small PDF with pdfkit, so attach tests carry bytes a PDF reader accepts (and that differ
 * per document), not a placeholder string. Deterministic: fixed creation date, no compression randomness.
 */
export function renderFixturePdf(title: string, lines: readonly string[] = []): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      info: { Title: title, CreationDate: new Date('2026-01-01T00:00:00Z') },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.fontSize(18).text(title);
    doc.fontSize(11);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

/**
 * A real PDF grown to `totalBytes` by a trailing PDF comment after `%%EOF` (readers ignore it), to test
 * Outlook's size limits without rendering megabytes of pages.
 */
export async function renderOversizedPdf(title: string, totalBytes: number): Promise<Uint8Array> {
  const pdf = await renderFixturePdf(title);
  const padded = new Uint8Array(Math.max(totalBytes, pdf.length));
  padded.set(pdf);
  padded.fill(0x20, pdf.length);
  padded[pdf.length] = 0x25; // '%' starts a comment line
  return padded;
}
