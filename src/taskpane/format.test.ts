import { AppError } from '../contract/errors';
import { SignInError } from '../services/auth-dialog';
import { describeError, isConnectionProblem } from './format';
import { paneStrings } from './strings';

describe('what the pane says about a failure', () => {
  it('explains a sign-in that gave no token in the pane language, with what to do', () => {
    expect(describeError(new SignInError('blocked', 'Office dialog error 12011'), paneStrings.de)).toBe(
      paneStrings.de.errors.signIn.blocked,
    );
    expect(describeError(new SignInError('cancelled', 'access_denied'), paneStrings.fr)).toMatch(/annulée/);
    // Not a connection problem: retrying at once would only open the same window again.
    expect(isConnectionProblem(new SignInError('failed', 'AADSTS50011'))).toBe(false);
  });

  it("says the bridge's refusals in the pane's language where the remedy is the same, else the bridge's detail", () => {
    const busy = new AppError('rate_limited', 'Too many secure sends in a short time. Try again in 20 s.');
    expect(describeError(busy, paneStrings.it)).toBe(paneStrings.it.errors.byCode.rate_limited);
    expect(describeError(busy, paneStrings.de)).toMatch(/Warten Sie eine Minute/);
    const down = new AppError('upstream_unavailable', 'This bridge has no IncaMail submission configured.');
    expect(describeError(down, paneStrings.it)).toBe('This bridge has no IncaMail submission configured.');
    const specific = new AppError('bad_request', 'documentIds: must not name a document twice');
    expect(describeError(specific, paneStrings.it)).toBe('documentIds: must not name a document twice');
  });
});
