/** Sizes as a person reads them, with the exact byte count beside (tests compare the bytes). */
export function formatSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes < 1024) return exact;
  const kb = bytes / 1024;
  const human = kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(2)} MB`;
  return `${human} (${exact})`;
}

export function formatRecipients(recipients: readonly { emailAddress: string; displayName: string }[]): string {
  return recipients
    .map((r) =>
      r.displayName && r.displayName !== r.emailAddress ? `${r.displayName} <${r.emailAddress}>` : r.emailAddress,
    )
    .join('; ');
}

/** Parses "Max Muster <max@example.org>; eva@example.ch" as Outlook's recipient well would. */
export function parseRecipients(text: string): { emailAddress: string; displayName: string }[] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const named = /^(.*?)\s*<([^>]+)>$/.exec(part);
      if (named) return { displayName: named[1]!.trim() || named[2]!.trim(), emailAddress: named[2]!.trim() };
      return { displayName: part, emailAddress: part };
    });
}
