/** @jest-environment ./test/support/dom-environment.js */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isTaskPaneCommand, readComposeRibbon, readOnSendLaunchEvent } from './manifest-ribbon';

const manifest = readFileSync(path.resolve('manifest.xml'), 'utf8');
const parse = () => new DOMParser().parseFromString(manifest, 'application/xml');

describe('ribbon read from manifest.xml', () => {
  it('lists the five compose buttons with their actions and same-origin icons', () => {
    const ribbon = readComposeRibbon(parse(), 'en-US');
    expect(ribbon.label).toBe('LedgerMail');
    expect(ribbon.functionFilePath).toBe('/commands.html');
    expect(ribbon.buttons.map((b) => [b.id, b.label, b.action])).toEqual([
      ['LedgerMail.Invoices', 'Invoices', { type: 'ShowTaskpane', url: '/taskpane.html' }],
      ['LedgerMail.Registered', 'Registered', { type: 'ExecuteFunction', functionName: 'sendRegistered' }],
      ['LedgerMail.Confidential', 'Confidential', { type: 'ExecuteFunction', functionName: 'sendConfidential' }],
      ['LedgerMail.Personal', 'Personal', { type: 'ExecuteFunction', functionName: 'sendPersonal' }],
      ['LedgerMail.RemoveMarking', 'Remove marking', { type: 'ExecuteFunction', functionName: 'removeMarking' }],
    ]);
    expect(ribbon.buttons[1]!.iconPath).toBe('/assets/registered-32.png');
  });

  it('resolves labels for the display language, by exact locale or by language', () => {
    expect(readComposeRibbon(parse(), 'de-CH').buttons.map((b) => b.label)).toEqual([
      'Rechnungen',
      'Eingeschrieben',
      'Vertraulich',
      'Persönlich',
      'Markierung entfernen',
    ]);
    expect(readComposeRibbon(parse(), 'fr-BE').buttons[1]!.label).toBe('Recommandé');
  });

  it('tells a task pane button from a function button, for a Smart Alert’s Take Action', () => {
    expect(isTaskPaneCommand(parse(), 'LedgerMail.Invoices')).toBe(true);
    expect(isTaskPaneCommand(parse(), 'LedgerMail.Registered')).toBe(false);
    expect(isTaskPaneCommand(parse(), 'LedgerMail.Nothing')).toBe(false);
  });

  it('reads the Send button’s Smart Alert: the handler and its send mode', () => {
    expect(readOnSendLaunchEvent(parse())).toEqual({ functionName: 'onMessageSendHandler', sendMode: 'SoftBlock' });
    const without = manifest.replace(/<LaunchEvent Type="OnMessageSend"[^>]*\/>/, '');
    expect(readOnSendLaunchEvent(new DOMParser().parseFromString(without, 'application/xml'))).toBeUndefined();
  });
});
