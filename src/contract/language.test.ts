import { toLanguage } from './language';

describe('toLanguage', () => {
  it.each([
    ['de-CH', 'de'],
    ['fr_FR', 'fr'],
    ['IT', 'it'],
    ['en-US', 'en'],
    ['rm-CH', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ])('reads %p as %p', (tag, language) => {
    expect(toLanguage(tag)).toBe(language);
  });
});
