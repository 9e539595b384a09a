import { formatFileSize } from './file-size';

describe('file sizes as a person reads them', () => {
  it('counts kilobytes below a megabyte, rounded up so a small file never reads as nothing', () => {
    expect(formatFileSize(1, 'en')).toBe('1 KB');
    expect(formatFileSize(1024, 'en')).toBe('1 KB');
    expect(formatFileSize(1025, 'en')).toBe('2 KB');
    expect(formatFileSize(31_500, 'de')).toBe('31 KB');
    expect(formatFileSize(1024 * 1024 - 1, 'en')).toMatch(/^1.024 KB$/);
  });

  it('switches to megabytes with one decimal at exactly one megabyte', () => {
    expect(formatFileSize(1024 * 1024, 'en')).toBe('1 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'de')).toBe('1.5 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'fr')).toBe('1,5 Mo');
    expect(formatFileSize(20_000, 'fr')).toBe('20 Ko');
    expect(formatFileSize(26 * 1024 * 1024, 'it')).toBe('26 MB');
  });
});
