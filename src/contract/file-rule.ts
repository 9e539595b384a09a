import type { ByteSource } from './byte-source.js';
import { dangerousExtensionOf, isDangerousContentType, normalizeFileName } from './file-names.js';
import { looksLikeZip, zipMemberNames } from './zip-names.js';

/**
 * IncaMail refuses executable attachments, and so do Outlook and Gmail at the recipient's end. One rule for
 * the add-in's command (before anything leaves) and the bridge (whatever the caller checked): the name the
 * file is saved under, the declared type, what the first bytes are, and the names inside a ZIP, one level.
 */
export type FileDanger =
  /** The saved name has a refused extension (`exe`, `html`). */
  | { danger: 'name'; extension: string }
  /** The declared MIME type is a program's or an active page's (`application/x-msdownload`). */
  | { danger: 'content-type'; contentType: string }
  /** The bytes are a program or a script, or an HTML or SVG page, whatever the name says. */
  | { danger: 'content'; content: 'program' | 'script' | 'page' }
  /** A ZIP holds a file that would be refused by name. */
  | { danger: 'archive-member'; member: string }
  /** A ZIP whose directory cannot be read: what it holds cannot be judged. */
  | { danger: 'unreadable-archive' };

export type FileToJudge = { name: string; contentType?: string; content: ByteSource };

/** How much of the start is sniffed: enough for an HTML page's doctype, comments and `<svg` after a prolog. */
const HEAD_BYTES = 1024;

const startsWith = (head: Uint8Array, ...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);

function sniff(head: Uint8Array): 'program' | 'script' | 'page' | undefined {
  if (
    startsWith(head, 0x4d, 0x5a) || // MZ: DOS and Windows (PE) programs, DLLs, installers' stubs
    startsWith(head, 0x7f, 0x45, 0x4c, 0x46) || // ELF
    startsWith(head, 0xfe, 0xed, 0xfa) || // Mach-O, big-endian (CE, CF)
    startsWith(head, 0xce, 0xfa, 0xed, 0xfe) ||
    startsWith(head, 0xcf, 0xfa, 0xed, 0xfe) || // Mach-O
    startsWith(head, 0xca, 0xfe, 0xba, 0xbe) || // Mach-O universal binary, Java class
    startsWith(head, 0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00) // Windows shortcut (.lnk)
  ) {
    return 'program';
  }
  if (startsWith(head, 0x23, 0x21)) return 'script'; // #!: a shell, Python, Perl… script
  // HTML and SVG are text: a UTF-8 byte-order mark, white space and comments may come first.
  const text = String.fromCharCode(...head)
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|script|iframe|svg)[\s>]/.test(text)) return 'page';
  if (/^<(\?xml|!--|!doctype svg)/.test(text) && /<svg[\s>]/.test(text)) return 'page';
  return undefined;
}

/**
 * Office Open XML and OpenDocument files are ZIPs whose members are parts of the document (`vbaProject.bin`,
 * `afchunk.mht`), opened by the office application and never saved one by one: not looked into.
 */
const DOCUMENT_CONTAINERS = new Set([
  'docx',
  'docm',
  'dotx',
  'xlsx',
  'xlsm',
  'xltx',
  'pptx',
  'pptm',
  'odt',
  'ods',
  'odp',
]);

export function judgeAttachment(file: FileToJudge): FileDanger | undefined {
  const extension = dangerousExtensionOf(file.name);
  if (extension) return { danger: 'name', extension };
  if (file.contentType !== undefined && isDangerousContentType(file.contentType)) {
    return { danger: 'content-type', contentType: file.contentType };
  }
  const head = file.content.read(0, HEAD_BYTES);
  const content = sniff(head);
  if (content) return { danger: 'content', content };
  const savedExtension = /\.([^.]+)$/.exec(normalizeFileName(file.name).toLowerCase())?.[1] ?? '';
  if (savedExtension === 'zip' || (looksLikeZip(head) && !DOCUMENT_CONTAINERS.has(savedExtension))) {
    const members = zipMemberNames(file.content);
    if (members === 'unreadable') return { danger: 'unreadable-archive' };
    // One level: a ZIP inside is not opened, but its own name is judged like any other member's.
    const member = members.find((name) => dangerousExtensionOf(name) !== undefined);
    if (member !== undefined) return { danger: 'archive-member', member };
  }
  return undefined;
}

/** The bridge's English sentence for a refused file; the add-in's command says it in the user's language. */
export function describeFileDanger(name: string, danger: FileDanger): string {
  switch (danger.danger) {
    case 'name':
      return `${name} (.${danger.extension} files can run programs or scripts)`;
    case 'content-type':
      return `${name} (declared as ${danger.contentType}, a program or web page)`;
    case 'content':
      return `${name} (its content is ${danger.content === 'page' ? 'a web page' : `a ${danger.content}`})`;
    case 'archive-member':
      return `${name} (the archive holds ${danger.member})`;
    case 'unreadable-archive':
      return `${name} (an archive that cannot be checked)`;
  }
}
