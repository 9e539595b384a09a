/** JSON text of arrays and objects alternately, `depth` levels deep (0: just `1`), for the nesting limit's edges. */
export function nestedJson(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => (i % 2 ? '{"a":' : '['));
  const close = open.map((o) => (o === '[' ? ']' : '}')).reverse();
  return `${open.join('')}1${close.join('')}`;
}
