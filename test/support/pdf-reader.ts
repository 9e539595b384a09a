import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Reads a Swiss QR-bill back from a PDF as a bank's scanner would: poppler's `pdftoppm` rasterises the area
 * of page 1 where the payment part puts the code (A4, payment part 105 mm high at the foot, QR code 46 mm
 * square at 67 mm from the left and 17 mm into the payment part), and jsQR decodes the pixels.
 */
const DPI = 150;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

export function readQrCodeFromPdf(pdf: Buffer): string | undefined {
  const png = execFileSync(
    'pdftoppm',
    ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile'].concat(
      ['-x', px(57), '-y', px(297 - 105 + 7), '-W', px(66), '-H', px(66)].map(String),
      ['-'],
    ),
    { input: pdf, maxBuffer: 64 * 1024 * 1024, timeout: 20_000 },
  );
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** A structured address (type S) of the QR-bill payload. */
type QrAddress = {
  addressType: string;
  name: string;
  street: string;
  buildingNumber: string;
  postalCode: string;
  town: string;
  country: string;
};

/** The fields of a Swiss Payments Code payload (Swiss Implementation Guidelines QR-bill, version 2.3). */
export type QrBillPayload = {
  header: { qrType: string; version: string; coding: string };
  account: string;
  creditor: QrAddress;
  amount: string;
  currency: string;
  debtor: QrAddress;
  referenceType: string;
  reference: string;
  message: string;
  trailer: string;
};

export function parseQrBillPayload(text: string): QrBillPayload {
  const f = text.split(/\r?\n/);
  const at = (i: number) => f[i] ?? '';
  const party = (start: number) => ({
    addressType: at(start),
    name: at(start + 1),
    street: at(start + 2),
    buildingNumber: at(start + 3),
    postalCode: at(start + 4),
    town: at(start + 5),
    country: at(start + 6),
  });
  return {
    header: { qrType: at(0), version: at(1), coding: at(2) },
    account: at(3),
    creditor: party(4),
    // Fields 11–17 are the ultimate creditor, reserved and empty in version 2.x.
    amount: at(18),
    currency: at(19),
    debtor: party(20),
    referenceType: at(27),
    reference: at(28),
    message: at(29),
    trailer: at(30),
  };
}

/** Plain text of a PDF through poppler's `pdftotext`, to check wording that PDFKit compresses. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, timeout: 20_000 }).toString('utf8');
}

/**
 * Checks a PDF's file structure the way a reader opens it: header, `startxref` pointing at the
 * cross-reference table, every in-use entry pointing at its `N G obj`, and a trailer naming the catalog.
 * Returns the number of objects; throws on the first inconsistency.
 */
export function checkPdfStructure(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  if (!/^%PDF-1\.[3-7]\n/.test(text)) throw new Error('no PDF header');
  const tail = text.slice(-64);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) throw new Error('no startxref / %%EOF at the end');
  const xrefAt = Number(startxref[1]);
  const xref = /^xref\n(\d+) (\d+)\n/.exec(text.slice(xrefAt, xrefAt + 64));
  if (!xref) throw new Error(`startxref ${xrefAt} does not point at a cross-reference table`);
  const first = Number(xref[1]);
  const count = Number(xref[2]);
  let offset = xrefAt + xref[0].length;
  for (let n = first; n < first + count; n++, offset += 20) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(offset, offset + 20));
    if (!entry) throw new Error(`malformed cross-reference entry for object ${n}`);
    if (entry[3] !== 'n') continue;
    const objectAt = Number(entry[1]);
    if (!text.startsWith(`${n} ${Number(entry[2])} obj`, objectAt)) {
      throw new Error(`object ${n} is not at offset ${objectAt}`);
    }
  }
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(offset));
  if (!trailer || !/\/Root \d+ 0 R/.test(trailer[1]!) || !new RegExp(`/Size ${first + count}\\b`).test(trailer[1]!)) {
    throw new Error('trailer does not name the catalog or the object count');
  }
  return count;
}
