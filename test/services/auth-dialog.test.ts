import { createSimulatedOffice, type SimulatedDialog, type SimulatedOffice } from '../../src/workbench/office-sim';
import { authDialogUrl } from '../../src/services/auth-dialog-protocol';
import { SignInError, signInThroughDialog } from '../../src/services/auth-dialog';
import { createTokenProvider, supportsNestedAppAuth } from '../../src/services/auth-token';
import { interactiveEntraSignIn } from '../../src/services/entra-sign-in';

const BRIDGE = 'https://mail.example.ch';
const URL_OF_DIALOG = authDialogUrl(BRIDGE, 'anna.keller@example.ch');
const signedIn = (token: string) => JSON.stringify({ status: 'signed-in', token });

/** Resolves with the next dialog the add-in opens in the simulated Outlook. */
function nextDialog(sim: SimulatedOffice): Promise<SimulatedDialog> {
  return new Promise((resolve) => {
    const stop = sim.host.dialogs.onOpen((dialog) => {
      stop();
      resolve(dialog);
    });
  });
}

async function failureOf(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

describe('sign-in dialog address', () => {
  it('is the bridge page auth-dialog.html, with the login hint as its only parameter', () => {
    expect(URL_OF_DIALOG).toBe('https://mail.example.ch/auth-dialog.html?hint=anna.keller%40example.ch');
    expect(authDialogUrl('https://mail.example.ch/ledgermail/', '')).toBe(
      'https://mail.example.ch/ledgermail/auth-dialog.html',
    );
  });
});

describe('signing in through the Office dialog', () => {
  let sim: SimulatedOffice;
  beforeEach(() => {
    sim = createSimulatedOffice();
  });

  it('answers the token the dialog hands back, and closes the dialog', async () => {
    const opened = nextDialog(sim);
    const token = signInThroughDialog(sim.office, URL_OF_DIALOG);
    const dialog = await opened;
    expect(dialog.url).toBe(URL_OF_DIALOG);
    expect(dialog.options).toMatchObject({ displayInIframe: false });
    dialog.messageParent(signedIn('header.payload.signature'));
    expect(await token).toBe('header.payload.signature');
    expect(dialog.isOpen).toBe(false);
  });

  it('says cancelled when the person closes the dialog, and the dialog can be opened again', async () => {
    const opened = nextDialog(sim);
    const first = signInThroughDialog(sim.office, URL_OF_DIALOG);
    (await opened).closeByUser();
    expect((await failureOf(first)).failure).toBe('cancelled');

    const reopened = nextDialog(sim);
    const second = signInThroughDialog(sim.office, URL_OF_DIALOG);
    (await reopened).messageParent(signedIn('t2'));
    expect(await second).toBe('t2');
  });

  it("passes on the dialog's own failure, with Entra's code for the administrator", async () => {
    const opened = nextDialog(sim);
    const declined = signInThroughDialog(sim.office, URL_OF_DIALOG);
    (await opened).messageParent(JSON.stringify({ status: 'failed', reason: 'cancelled', detail: 'access_denied' }));
    const error = await failureOf(declined);
    expect(error).toMatchObject({ failure: 'cancelled', detail: 'access_denied', code: 'unauthorized', status: 401 });
  });

  it.each([
    ['not JSON', 'token=abc'],
    ['the wrong shape', JSON.stringify({ status: 'signed-in' })],
    ['an empty token', signedIn('')],
    ['an unknown status', JSON.stringify({ status: 'ok', token: 'abc' })],
  ])('fails closed on a message that is %s, and closes the dialog', async (_what, message) => {
    const opened = nextDialog(sim);
    const result = signInThroughDialog(sim.office, URL_OF_DIALOG);
    const dialog = await opened;
    dialog.messageParent(message);
    expect((await failureOf(result)).failure).toBe('failed');
    expect(dialog.isOpen).toBe(false);
  });

  it('refuses a token posted from another origin', async () => {
    const opened = nextDialog(sim);
    const result = signInThroughDialog(sim.office, URL_OF_DIALOG);
    const dialog = await opened;
    dialog.messageParent(signedIn('stolen'), 'https://evil.example');
    expect(await failureOf(result)).toMatchObject({ failure: 'failed', detail: expect.stringContaining('evil') });
    expect(dialog.isOpen).toBe(false);
  });

  it('takes the message on an older Outlook that reports no origins (before DialogOrigin 1.1)', async () => {
    sim = createSimulatedOffice({ dialogOrigin: false });
    const opened = nextDialog(sim);
    const token = signInThroughDialog(sim.office, URL_OF_DIALOG);
    (await opened).messageParent(signedIn('t-old-outlook'));
    expect(await token).toBe('t-old-outlook');
  });

  it('fails and closes the dialog when its page cannot load', async () => {
    const opened = nextDialog(sim);
    const result = signInThroughDialog(sim.office, URL_OF_DIALOG);
    const dialog = await opened;
    dialog.failToLoad(12002);
    expect(await failureOf(result)).toMatchObject({ failure: 'failed', detail: 'Office dialog event 12002' });
    expect(dialog.isOpen).toBe(false);
    // The next sign-in can open its dialog: nothing was left open.
    const reopened = nextDialog(sim);
    const again = signInThroughDialog(sim.office, URL_OF_DIALOG);
    (await reopened).messageParent(signedIn('t3'));
    expect(await again).toBe('t3');
  });

  it('gives up on a dialog left unanswered, and closes it', async () => {
    const opened = nextDialog(sim);
    const result = signInThroughDialog(sim.office, URL_OF_DIALOG, 50);
    const dialog = await opened;
    expect(await failureOf(result)).toMatchObject({ failure: 'cancelled' });
    expect(dialog.isOpen).toBe(false);
    dialog.messageParent(signedIn('too-late')); // ignored: the sign-in is over
  });

  it.each([
    ['DialogPopupBlocked', 'blocked'],
    ['DialogIgnoredByUser', 'cancelled'],
    ['DialogAlreadyOpened', 'busy'],
    ['DialogRequiresHttps', 'failed'],
  ] as const)('says why Outlook did not open the dialog: %s is %s', async (fault, failure) => {
    sim.host.failNext('displayDialogAsync', fault);
    const error = await failureOf(signInThroughDialog(sim.office, URL_OF_DIALOG));
    expect(error.failure).toBe(failure);
    expect(sim.host.dialogs.opened()).toHaveLength(0);
  });
});

describe('token provider', () => {
  it('asks the bridge for its sign-in mode again after a failed attempt', async () => {
    let calls = 0;
    const provider = createTokenProvider({
      fetchJson: async (path) => {
        if (path === '/api/auth/config' && ++calls === 1) throw new Error('bridge unreachable');
        return path === '/api/auth/config' ? { mode: 'dev' } : { token: 'dev-token' };
      },
      userEmail: () => 'anna.keller@example.ch',
    });
    await expect(provider.getToken()).rejects.toThrow('bridge unreachable');
    expect(await provider.getToken()).toBe('dev-token');
    expect(calls).toBe(2);
  });
});

describe('token provider with Entra ID on an Outlook without nested app authentication', () => {
  const ENTRA = { mode: 'entra', clientId: 'client', authority: 'https://login.microsoftonline.com/t', scopes: ['s'] };

  it('signs in once through the dialog for concurrent callers, then uses the token until it nearly expires', async () => {
    const sim = createSimulatedOffice();
    expect(supportsNestedAppAuth(sim.office)).toBe(false);
    const fetched: string[] = [];
    const provider = createTokenProvider({
      fetchJson: async (path) => {
        fetched.push(path);
        return ENTRA;
      },
      userEmail: () => 'anna.keller@example.ch',
      entra: interactiveEntraSignIn({ bridgeBase: BRIDGE, office: () => sim.office }),
    });
    const opened = nextDialog(sim);
    const calls = [provider.getToken(), provider.getToken(), provider.getToken()];
    const token = `e30.${btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 }))}.sig`;
    (await opened).messageParent(signedIn(token));
    expect(await Promise.all(calls)).toEqual([token, token, token]);
    expect(await provider.getToken()).toBe(token);
    expect(sim.host.dialogs.opened().map((d) => d.url)).toEqual([URL_OF_DIALOG]);
    expect(fetched).toEqual(['/api/auth/config']);

    // After a cancelled dialog the next call asks again instead of repeating the failure.
    provider.invalidate();
    const reopened = nextDialog(sim);
    const cancelled = provider.getToken();
    (await reopened).closeByUser();
    expect((await failureOf(cancelled)).failure).toBe('cancelled');
    const third = nextDialog(sim);
    const again = provider.getToken();
    (await third).messageParent(signedIn(token));
    expect(await again).toBe(token);
    expect(sim.host.dialogs.opened()).toHaveLength(3);
  });
});
