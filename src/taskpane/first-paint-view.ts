import type { Language } from '../contract/language';
import { firstPaintStrings } from './strings/first-paint';
import type { OutsideOutlookText } from './strings/outside-outlook';

/** The live status region taskpane.html carries from the start; made here if a page lacks it. */
export const STATUS_REGION_ID = 'pane-status';

/**
 * What the first chunk shows before the pane (React, Fluent UI) is there, in plain DOM so that the chunk
 * stays small; taskpane.html styles it (class `first-paint`).
 *
 * Screen readers: a live region is read when its content changes, and only reliably if it existed before,
 * so the status region comes with the HTML, and the loading line and the outside-Outlook notice are written
 * into it (role="status": the outcome of loading, said politely). A load failure is an error that ends the
 * pane: it empties the status region and comes as a new role="alert" element, which is read when inserted.
 */
export function showFirstPaint(root: HTMLElement, language: Language, paint: 'loading' | 'load-failed'): void {
  const { status, document } = reset(root, language);
  if (paint === 'loading') {
    status.className = 'first-paint';
    status.replaceChildren(paragraph(document, firstPaintStrings[language].loading));
    return;
  }
  status.className = '';
  status.replaceChildren();
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className = 'first-paint first-paint-error';
  alert.append(paragraph(document, firstPaintStrings[language].loadFailed));
  root.append(alert);
}

/** The page runs outside Outlook: where and how LedgerMail is opened, in the status region (see above). */
export function showOutsideOutlook(root: HTMLElement, language: Language, text: OutsideOutlookText): void {
  const { status, document } = reset(root, language);
  const heading = document.createElement('h1');
  heading.textContent = text.title;
  status.className = 'first-paint first-paint-notice';
  status.replaceChildren(heading, paragraph(document, text.howTo));
}

function reset(root: HTMLElement, language: Language): { status: HTMLElement; document: Document } {
  const document = root.ownerDocument;
  document.documentElement.lang = language;
  root.querySelector('[role="alert"]')?.remove();
  let status = document.getElementById(STATUS_REGION_ID);
  if (!status) {
    status = document.createElement('div');
    status.id = STATUS_REGION_ID;
    status.setAttribute('role', 'status');
    root.append(status);
  }
  return { status, document };
}

function paragraph(document: Document, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
