import { AppError } from '../contract/errors';
import { SignInError } from './auth-dialog';
import { describeError, errorExplanations, officeCodeOf } from './error-explanations';
import { officeCallError } from './office-item';

describe('what LedgerMail says about a failure', () => {
  it('explains a sign-in that gave no token in the user’s language, with what to do', () => {
    expect(
      describeError(new SignInError('blocked', 'Office dialog error 12011'), errorExplanations.de, 'when-specific'),
    ).toBe(errorExplanations.de.signIn.blocked);
    expect(describeError(new SignInError('cancelled', 'access_denied'), errorExplanations.fr, 'never')).toMatch(
      /annulée/,
    );
  });

  it("says the bridge's refusals in the user's language where the remedy is the same, else the bridge's detail", () => {
    const busy = new AppError('rate_limited', 'Too many secure sends in a short time. Try again in 20 s.');
    expect(describeError(busy, errorExplanations.it, 'when-specific')).toBe(errorExplanations.it.byCode.rate_limited);
    expect(describeError(busy, errorExplanations.de, 'when-specific')).toMatch(/Warten Sie eine Minute/);
    const down = new AppError('upstream_unavailable', 'This bridge has no IncaMail submission configured.');
    expect(describeError(down, errorExplanations.it, 'when-specific')).toBe(
      'This bridge has no IncaMail submission configured.',
    );
    const specific = new AppError('bad_request', 'documentIds: must not name a document twice');
    expect(describeError(specific, errorExplanations.it, 'when-specific')).toBe(
      'documentIds: must not name a document twice',
    );
  });

  it('explains every code it knows in a notification, which has no room for the detail', () => {
    const down = new AppError('upstream_unavailable', 'This bridge has no IncaMail submission configured.');
    expect(describeError(down, errorExplanations.de, 'never')).toBe('IncaMail ist im Moment nicht erreichbar.');
    const specific = new AppError('bad_request', 'documentIds: must not name a document twice');
    expect(describeError(specific, errorExplanations.de, 'never')).toBe('documentIds: must not name a document twice');
  });

  it("names Outlook's own error code for a failed Office call, and hides anything else's text", () => {
    const refused = officeCallError('subject.setAsync', 9041, 'The item is not available');
    expect(officeCodeOf(refused)).toBe('9041');
    expect(describeError(refused, errorExplanations.en, 'when-specific')).toBe(
      'Outlook refused the change (error 9041).',
    );
    expect(describeError(officeCallError('x', undefined, 'thrown'), errorExplanations.it, 'never')).toBe(
      'Outlook ha rifiutato la modifica.',
    );
    expect(officeCodeOf(new AppError('timeout', 'late'))).toBe('');
    expect(describeError(new TypeError('x is undefined'), errorExplanations.en, 'when-specific')).toBe(
      'An unexpected error occurred.',
    );
  });
});
