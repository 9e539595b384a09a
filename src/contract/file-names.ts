/**
 * What a file name says about the file once it is saved, whatever the recipient's system. Windows drops
 * trailing dots and spaces (`x.exe. .` is saved as `x.exe`), writes `x.exe::$DATA` and `x.exe:stream` to
 * `x.exe`, and zero-width, bidirectional and control characters hide the real extension from the reader
 * (`invoice‮fdp.exe` reads as `invoiceexe.pdf`). The recipient's system opens a file by its last extension
 * only, so that is the one judged: `report.exe.pdf` is a PDF, `invoice.pdf.exe` a program.
 */

/**
 * Refused extensions: Outlook's Level 1 list ("Blocked attachments in Outlook", Microsoft support, with the
 * Exchange Online additions .appref-ms .library-ms .settingcontent-ms .one .onepkg .iso .img .vhd .vhdx .wsb
 * .py…), Gmail's blocked file types ("File types blocked in Gmail", Google support), and what LedgerMail adds
 * for an invoicing tool: HTML and SVG pages, which run script when opened (credential-phishing attachments),
 * and Unix shell scripts. An extension goes in here when one of those lists adds it.
 */
const OUTLOOK_LEVEL_1 =
  'ade adp app application appref-ms asp aspx asx bas bat bgi cab cer chm cmd cnt com cpl crt csh der diagcab ' +
  'exe fxp gadget grp hlp hpj hta htc img inf ins iso isp its jar jnlp js jse ksh library-ms lnk mad maf mag mam ' +
  'maq mar mas mat mau mav maw mcf mda mdb mde mdt mdw mdz mht mhtml msc msh msh1 msh1xml msh2 msh2xml mshxml msi ' +
  'msp mst msu one onepkg ops osd pcd pif pl plg prf prg printerexport ps1 ps1xml ps2 ps2xml psc1 psc2 psd1 psm1 ' +
  'pssc pst py pyc pyo pyw pyz pyzw reg scf scr sct settingcontent-ms shb shs theme tmp udl url vb vbe vbp vbs ' +
  'vhd vhdx vsmacros vsw webpnp website ws wsb wsc wsf wsh xbap xll xnk';
const GMAIL_BLOCKED = 'apk appx appxbundle dll diagcfg diagpack dmg ex_ lib mjs msix msixbundle nsh sys vxd cdxml';
const LEDGERMAIL_ADDED = 'htm html shtml xht xhtml svg svgz sh bash zsh command';

const DANGEROUS_EXTENSIONS = new Set(`${OUTLOOK_LEVEL_1} ${GMAIL_BLOCKED} ${LEDGERMAIL_ADDED}`.split(/\s+/));

/**
 * Characters that render as nothing or reorder the text around them: soft hyphen, combining grapheme joiner,
 * Mongolian vowel separator, zero-width space/joiners, bidirectional marks, embeddings, overrides and
 * isolates, word joiner and invisible operators, the byte-order mark; and every C0/C1 control and DEL.
 */
// The joiner stands outside the class: inside it, it would read as combining with the character before it.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- dropping control characters is what this pattern is for
  /[\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u034f/g;

/** The name as the recipient's system would save it: NFC, invisible characters dropped, Windows' trimming. */
export function normalizeFileName(name: string): string {
  return name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[. ]+$/, '');
}

/**
 * The names a file may end up under: the normalised name, and on Windows the part before an NTFS stream
 * (`x.exe::$DATA`, `x.exe:payload`), trimmed again. A folder in a ZIP member's name is dropped.
 */
function savedNames(name: string): string[] {
  const normalized = normalizeFileName(name.split(/[\\/]/).pop() ?? '');
  const beforeStream = normalizeFileName(normalized.split(':')[0] ?? '');
  return beforeStream === normalized ? [normalized] : [normalized, beforeStream];
}

/** The dangerous extension a file is saved with (`exe`, `html`), or undefined when none of its names has one. */
export function dangerousExtensionOf(name: string): string | undefined {
  for (const saved of savedNames(name)) {
    const extension = /\.([^.]+)$/.exec(saved.toLowerCase())?.[1];
    if (extension !== undefined && DANGEROUS_EXTENSIONS.has(extension)) return extension;
  }
  return undefined;
}

/**
 * Declared content types that make a mail client or browser treat the file as a program or an active page,
 * whatever its name (Exchange's BlockedMimeTypes plus the executable types browsers and Windows know).
 */
const DANGEROUS_CONTENT_TYPES = new Set([
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-dosexec',
  'application/x-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/vnd.microsoft.portable-executable',
  'application/x-ms-installer',
  'application/x-msi',
  'application/x-ms-shortcut',
  'application/x-sh',
  'application/x-csh',
  'application/x-bat',
  'application/java-archive',
  'application/x-java-jnlp-file',
  'application/hta',
  'application/x-javascript',
  'application/javascript',
  'text/javascript',
  'text/scriplet',
  'application/msaccess',
  'application/prg',
  'application/x-internet-signup',
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/x-iso9660-image',
  'application/vnd.ms-htmlhelp',
]);

export function isDangerousContentType(contentType: string): boolean {
  return DANGEROUS_CONTENT_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase());
}
