import PDFDocument from 'pdfkit';
import { SwissQRBill } from 'swissqrbill/pdf';
import type { DocumentDetail } from '../../contract/documents.schemas.js';
import { amountDueCents } from '../../contract/amount-due.js';
import { documentTitle } from '../../contract/document-titles.js';
import { qrBillData, type Creditor } from './qr-bill-data.js';
import { formatAmount, formatDate, formatMoney } from '../../contract/swiss-format.js';
import { WORDING, type Wording } from './wording.js';

/** The invoice a reminder is about: its number and dates appear in the reminder's text. */
export type RemindedInvoice = { number: string; issueDate: string; dueDate: string };

export type DocumentPdfInput = {
  document: DocumentDetail;
  remindedInvoice?: RemindedInvoice;
  creditor: Creditor;
  /**
   * The accounting whose data LedgerMail rendered (`WinBIZ Cloud`, which gives no PDFs): the document then says
   * so plainly, above the payment part, so nobody takes it for the accounting's own print.
   */
  producedFrom?: string;
};

/** How a connector has its PDFs rendered: in this thread (renderDocumentPdf) or on the bridge's PDF threads. */
export type RenderPdf = (input: DocumentPdfInput) => Promise<Buffer>;

const MARGIN = 50;
const QR_LANGUAGE = { de: 'DE', fr: 'FR', it: 'IT', en: 'EN' } as const;

/**
 * Renders an invoice or reminder as an A4 PDF with the Swiss QR-bill payment part at the foot of the page.
 * The PDF's dates are pinned to the document's issue date, so the same document renders byte for byte the
 * same every time (PDFKit otherwise stamps the current time into the metadata and the file id).
 */
export async function renderDocumentPdf(input: DocumentPdfInput): Promise<Buffer> {
  const { document, creditor } = input;
  const wording = WORDING[document.customer.language];
  const issued = new Date(`${document.issueDate}T00:00:00Z`);
  const title = documentTitle(document, document.customer.language);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `${title} ${document.number}`,
      Author: creditor.name,
      Creator: 'LedgerMail',
      Producer: 'LedgerMail',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  drawLetterhead(pdf, input);
  drawHeading(pdf, input, title, wording);
  drawLines(pdf, document, wording);
  drawTotals(pdf, document, wording);
  drawStamp(pdf, document, wording);
  if (input.producedFrom) {
    pdf
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor('#555555')
      .text(wording.producedFrom(input.producedFrom), MARGIN, pdf.page.height - SwissQRBill.height - 24, {
        width: pdf.page.width - 2 * MARGIN,
        lineBreak: false,
      })
      .fillColor('black');
  }

  new SwissQRBill(qrBillData(document, creditor), { language: QR_LANGUAGE[document.customer.language] }).attachTo(
    pdf,
    0,
    pdf.page.height - SwissQRBill.height,
  );
  pdf.end();
  return finished;
}

function addressLines(name: string, a: DocumentDetail['customerAddress']): string[] {
  return [
    name,
    `${a.street} ${a.buildingNumber}`.trim(),
    `${a.postalCode} ${a.town}`,
    ...(a.country === 'CH' ? [] : [a.country]),
  ];
}

function drawLetterhead(pdf: PDFKit.PDFDocument, { document, creditor }: DocumentPdfInput): void {
  pdf.font('Helvetica-Bold').fontSize(12).text(creditor.name, MARGIN, MARGIN);
  pdf
    .font('Helvetica')
    .fontSize(9)
    .text(addressLines('', creditor.address).slice(1).join('\n'))
    .text(creditor.email)
    .text(creditor.vatNumber);
  // Debtor where a C5 window envelope shows it (right-hand window, about 45 mm from the top).
  pdf.fontSize(11).text(addressLines(document.customer.name, document.customerAddress).join('\n'), 320, 128, {
    width: 225,
  });
}

function drawHeading(pdf: PDFKit.PDFDocument, input: DocumentPdfInput, title: string, wording: Wording): void {
  const { document, remindedInvoice } = input;
  const { labels } = wording;
  const { language } = document.customer;
  pdf.font('Helvetica-Bold').fontSize(16).text(`${title} ${document.number}`, MARGIN, 230);
  const { number: customerNumber } = document.customer;
  const facts: [string, string][] = [
    [labels.date, formatDate(document.issueDate, language)],
    [labels.dueDate, formatDate(document.dueDate, language)],
    // The accounting's customer number; the API's id (`cus-10`) means nothing to the customer.
    ...(customerNumber ? [[labels.customerNumber, customerNumber] as [string, string]] : []),
  ];
  pdf.font('Helvetica').fontSize(9);
  let y = 256;
  for (const [label, value] of facts) {
    pdf.text(label, MARGIN, y, { width: 110 }).text(value, MARGIN + 110, y);
    y += 12;
  }
  const body =
    document.kind === 'reminder' && document.level !== null && remindedInvoice
      ? wording.reminderBody[document.level](
          remindedInvoice.number,
          formatDate(remindedInvoice.issueDate, language),
          formatDate(remindedInvoice.dueDate, language),
        )
      : wording.invoiceBody(formatDate(document.dueDate, language));
  pdf.fontSize(10).text(body, MARGIN, y + 8, { width: pdf.page.width - 2 * MARGIN });
}

const COLUMNS = { description: MARGIN, quantity: 330, unitPrice: 390, amount: 470, end: 545 };

function row(pdf: PDFKit.PDFDocument, y: number, cells: [string, string, string, string]): void {
  const [description, quantity, unitPrice, amount] = cells;
  const right = (text: string, from: number, to: number) =>
    pdf.text(text, from, y, { width: to - from, align: 'right' });
  pdf.text(description, COLUMNS.description, y, { width: COLUMNS.quantity - COLUMNS.description - 10 });
  right(quantity, COLUMNS.quantity, COLUMNS.unitPrice - 10);
  right(unitPrice, COLUMNS.unitPrice, COLUMNS.amount - 10);
  right(amount, COLUMNS.amount, COLUMNS.end);
}

function drawLines(pdf: PDFKit.PDFDocument, document: DocumentDetail, { labels }: Wording): void {
  const { language } = document.customer;
  let y = pdf.y + 14;
  pdf.font('Helvetica-Bold').fontSize(9);
  row(pdf, y, [labels.description, labels.quantity, labels.unitPrice, `${labels.amount} ${document.currency}`]);
  pdf.font('Helvetica');
  y += 14;
  for (const line of document.lines) {
    row(pdf, y, [
      line.description,
      String(line.quantity),
      formatAmount(line.unitPrice, language),
      formatAmount(line.amount, language),
    ]);
    y += 13;
  }
  pdf.moveTo(COLUMNS.description, y).lineTo(COLUMNS.end, y).lineWidth(0.5).stroke();
  pdf.y = y + 5;
}

function drawTotals(pdf: PDFKit.PDFDocument, document: DocumentDetail, { labels }: Wording): void {
  const { language } = document.customer;
  const entries: [string, number][] = [];
  if (document.kind === 'invoice') {
    const net = document.lines.reduce((sum, line) => sum + line.amount, 0);
    entries.push([labels.subtotal, net]);
    for (const rate of [...new Set(document.lines.map((l) => l.vatRate))].filter((r) => r > 0)) {
      const vat = document.lines.filter((l) => l.vatRate === rate).reduce((s, l) => s + (l.amount * rate) / 100, 0);
      entries.push([labels.vat(rate.toFixed(1)), Math.round(vat * 100) / 100]);
    }
    entries.push([labels.total, document.total]);
    const paid = Math.round((document.total - document.openAmount) * 100) / 100;
    if (paid > 0 && document.status !== 'paid' && document.status !== 'cancelled') {
      entries.push([labels.alreadyPaid, -paid]);
    }
  }
  const due = amountDueCents(document);
  if (due !== null) entries.push([labels.amountDue, due / 100]);
  let y = pdf.y;
  for (const [index, [label, value]] of entries.entries()) {
    const last = index === entries.length - 1;
    pdf.font(last ? 'Helvetica-Bold' : 'Helvetica');
    pdf.text(label, COLUMNS.unitPrice - 80, y, { width: COLUMNS.amount - COLUMNS.unitPrice + 70 });
    pdf.text(formatMoney(value, document.currency, language), COLUMNS.amount - 30, y, {
      width: COLUMNS.end - COLUMNS.amount + 30,
      align: 'right',
    });
    y += 13;
  }
  pdf.font('Helvetica');
}

function drawStamp(pdf: PDFKit.PDFDocument, document: DocumentDetail, { labels }: Wording): void {
  const stamp =
    document.status === 'paid'
      ? labels.paid
      : document.status === 'cancelled'
        ? labels.cancelled
        : document.status === 'draft'
          ? labels.draft
          : undefined;
  if (!stamp) return;
  pdf.save().rotate(-12, { origin: [420, 250] });
  pdf.font('Helvetica-Bold').fontSize(28).fillColor('#b00020').text(stamp, 340, 235, { lineBreak: false });
  pdf.restore().fillColor('black');
}
