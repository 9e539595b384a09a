import {
  loadRealOutlookLibrary,
  OUTLOOK_HOSTS,
  type OutlookHost,
  type RealOutlookLibrary,
} from '../../../test/support/real-office-js';
import * as simulatedEnums from './office-enums';
import { OUTLOOK_ERRORS } from './office-errors';

/**
 * The simulated Office against Microsoft's office.js: every enum member and Outlook error the simulator
 * declares must be what the real library hands an add-in in each Outlook whose host script the package
 * ships (web and new Outlook, classic Windows, Mac). Product code compares against these values, so a
 * wrong one in the simulator hides a bug that would show only in Outlook.
 */
const HOSTS = Object.keys(OUTLOOK_HOSTS) as OutlookHost[];

/** Every `path → value` leaf of a simulated enum object (MailboxEnums nests one level). */
function leaves(value: unknown, prefix: string): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${prefix}.${key}`));
}

function realValue(office: Record<string, unknown>, dottedPath: string): unknown {
  return dottedPath
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], office);
}

describe.each(HOSTS)('the simulated Office against office.js for Outlook %s', (host) => {
  let real: RealOutlookLibrary;
  beforeAll(async () => {
    real = await loadRealOutlookLibrary(host);
  });
  afterAll(() => real?.close());

  const simulated = Object.entries(simulatedEnums).flatMap(([name, value]) => leaves(value, name));

  it('declares enums, each member with the value office.js gives it', () => {
    expect(simulated.length).toBeGreaterThan(30);
    const inOutlook = Object.fromEntries(
      simulated.map(([dottedPath]) => [dottedPath, realValue(real.office, dottedPath)]),
    );
    // One comparison of the whole set, so a failure lists every member that differs.
    expect(inOutlook).toStrictEqual(Object.fromEntries(simulated));
  });

  it('answers with the Outlook error codes, names and messages office.js defines', () => {
    const errors = Object.entries(OUTLOOK_ERRORS);
    const inOutlook = Object.fromEntries(
      errors.map(([key, error]) => [`${key} ${error.code}`, real.errorArgs(error.code)]),
    );
    expect(inOutlook).toStrictEqual(
      Object.fromEntries(errors.map(([key, { code, name, message }]) => [`${key} ${code}`, { name, message }])),
    );
  });
});
