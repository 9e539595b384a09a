/**
 * Control characters: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F), except tab, line feed and carriage
 * return, which message bodies carry (header fields refuse CR and LF on their own). None belongs in anything a
 * person types or the bridge hands out: a NUL ends a string in SQLite's FTS5 query parser ("unterminated
 * string"), and C0/C1 controls reach SMTP headers, logs and terminals.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters (such as NUL)';

/**
 * The path (`templates.de.subject`, `documentIds.0`) of the first string, or key, in a parsed JSON value or
 * query that contains a control character; undefined when there is none. Depth-first, so a request is walked
 * once whatever its shape.
 */
export function findControlCharacter(value: unknown, path: readonly string[] = []): string[] | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? [...path] : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL_CHARACTER.test(key)) return [...path, key.replace(new RegExp(CONTROL_CHARACTER, 'g'), '?')];
    const found = findControlCharacter(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
