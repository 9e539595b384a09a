import { emailsIn, languageOf, splitStreet } from './winbiz-customers.js';
import { WinbizCentsSchema, WinbizDateSchema } from './winbiz.schemas.js';

describe("reading WinBIZ's addresses and values", () => {
  it.each([
    ['Seestrasse 41', { street: 'Seestrasse', buildingNumber: '41' }],
    ['Rue de Genève 12a', { street: 'Rue de Genève', buildingNumber: '12a' }],
    ['Via Nassa 3-5', { street: 'Via Nassa', buildingNumber: '3-5' }],
    ['12, rue du Lac', { street: 'rue du Lac', buildingNumber: '12' }],
    ['Postfach', { street: 'Postfach', buildingNumber: '' }],
    ['  Höheweg   2 ', { street: 'Höheweg', buildingNumber: '2' }],
  ])('splits the street line %j into street and building number for the QR-bill', (line, expected) => {
    expect(splitStreet(line)).toEqual(expected);
  });

  it.each([
    ['D', 'de'],
    ['', 'de'],
    ['F', 'fr'],
    ['français', 'fr'],
    ['I', 'it'],
    ['E', 'en'],
    ['English', 'en'],
  ])('reads the language %j as %s', (value, language) => {
    expect(languageOf(value)).toBe(language);
  });

  it('reads several addresses from one e-mail field, without blanks or duplicates of another case', () => {
    expect(emailsIn('a@x.example; B@y.example, b@Y.example ;; not-an-address')).toEqual(['a@x.example', 'B@y.example']);
    expect(emailsIn(undefined)).toEqual([]);
    expect(emailsIn(42)).toEqual([]);
  });

  it('reads dates in ISO, .NET and Swiss form, and refuses anything else', () => {
    expect(WinbizDateSchema.parse('2026-03-04')).toBe('2026-03-04');
    expect(WinbizDateSchema.parse('2026-03-04T00:00:00')).toBe('2026-03-04');
    expect(WinbizDateSchema.parse('04.03.2026')).toBe('2026-03-04');
    expect(WinbizDateSchema.safeParse('4/3/2026').success).toBe(false);
  });

  it('reads amounts as cents without float drift, from numbers or either decimal mark', () => {
    expect(WinbizCentsSchema.parse(1234.56)).toBe(123456);
    expect(WinbizCentsSchema.parse(0.1 + 0.2)).toBe(30);
    expect(WinbizCentsSchema.parse('2372,70')).toBe(237270);
    expect(WinbizCentsSchema.safeParse('12 CHF').success).toBe(false);
  });
});
