import { normalizeEmails } from './use-recipients';

describe('the recipients whose documents the pane lists first', () => {
  it('takes each address once, in lower case, and only real addresses', () => {
    expect(normalizeEmails([' Max@Example.org', 'max@example.org', 'not an address', 'lea@example.ch'])).toEqual([
      'lea@example.ch',
      'max@example.org',
    ]);
  });

  it('finds the customers of a draft marked for IncaMail by the addresses they were written to', () => {
    expect(normalizeEmails(['max@example.org.incamail.ch', 'Lea@Example.CH.INCAMAIL.CH'])).toEqual([
      'lea@example.ch',
      'max@example.org',
    ]);
  });
});
