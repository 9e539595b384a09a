import { findControlCharacter } from './text';

describe('findControlCharacter', () => {
  it.each(
    [
      ['\u0000', true],
      ['\u0008', true],
      ['\t', false],
      ['\n', false],
      ['\u000b', true],
      ['\u000c', true],
      ['\r', false],
      ['\u000e', true],
      ['\u001f', true],
      [' ', false],
      ['~', false],
      ['\u007f', true],
      ['\u0080', true],
      ['\u009f', true],
      ['\u00a0', false],
      ['é', false],
    ].map(([char, refused]) => [
      (char as string).codePointAt(0)!.toString(16).padStart(4, '0'),
      char as string,
      refused,
    ]),
  )('judges U+%s at the edges of the control ranges', (_, char, refused) => {
    expect(findControlCharacter(`ab${char}cd`) !== undefined).toBe(refused);
  });

  it('names the path of the first offending string or key, in arrays and objects', () => {
    expect(findControlCharacter({ a: 'ok', templates: { de: { subject: 'x\u0000' } } })).toEqual([
      'templates',
      'de',
      'subject',
    ]);
    expect(findControlCharacter({ documentIds: ['ok', 'b\u0001'] })).toEqual(['documentIds', '1']);
    expect(findControlCharacter({ 'k\u0000ey': 'ok' })).toEqual(['k?ey']);
    expect(findControlCharacter({ n: 1, b: true, z: null, s: 'plain' })).toBeUndefined();
  });
});
