import { TASK_PANE_COMMAND_ID } from '../../src/commands/send-guard';
import { mkdtempSync, readFileSync, copyFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { DEV_ORIGIN, normalizePublicUrl, rewriteManifestOrigin } from '../../tools/manifest-origin.js';
import { checkManifest, functionNames, parseManifest } from '../../tools/manifest-checks';
import { validateWithMicrosoftTools } from '../../tools/microsoft-manifest-check';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sourceXml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const assetsDir = path.join(root, 'assets');

describe('manifest.xml', () => {
  it('passes every structural check', () => {
    expect(checkManifest({ xml: sourceXml, assetsDir, origin: DEV_ORIGIN })).toEqual([]);
  });

  it('passes Microsoft offline validation (converter + JSON schema)', async () => {
    expect(await validateWithMicrosoftTools(sourceXml)).toEqual([]);
  });

  it('declares Mailbox 1.8, ReadWriteItem, and the five compose buttons', () => {
    expect(sourceXml).toContain('<Set Name="Mailbox" MinVersion="1.8"/>');
    expect(sourceXml).toContain('<Permissions>ReadWriteItem</Permissions>');
    expect(sourceXml).toContain('xsi:type="MessageComposeCommandSurface"');
    const manifest = parseManifest(sourceXml);
    expect(functionNames(manifest)).toEqual(['sendRegistered', 'sendConfidential', 'sendPersonal', 'removeMarking']);
  });

  it('associates every ExecuteFunction name in the commands runtime', () => {
    const commands = readFileSync(path.join(root, 'src/commands/commands.ts'), 'utf8');
    for (const name of functionNames(parseManifest(sourceXml))) {
      expect(commands).toContain(`Office.actions.associate('${name}'`);
    }
  });

  it('declares the send guard on OnMessageSend (SoftBlock), with a JavaScript-only file for classic Outlook', () => {
    expect(sourceXml).toMatch(
      /<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock"\/>/,
    );
    expect(sourceXml).toMatch(/<Override type="javascript" resid="SendGuard.Url"\/>/);
    expect(sourceXml).toContain('<bt:Url id="SendGuard.Url" DefaultValue="https://localhost:3000/sendguard.js"/>');
    for (const file of ['src/commands/commands.ts', 'src/commands/sendguard.ts']) {
      expect(readFileSync(path.join(root, file), 'utf8')).toMatch(
        /Office\.actions\.associate\('onMessageSendHandler', createOnMessageSendHandler\(/,
      );
    }
  });

  it("names the task pane the send guard's alert opens as it is in the manifest: the Invoices button", () => {
    expect(sourceXml).toMatch(
      new RegExp(`<Control xsi:type="Button" id="${TASK_PANE_COMMAND_ID}">[\\s\\S]*?<Action xsi:type="ShowTaskpane">`),
    );
  });

  describe('catches what the converter lets through', () => {
    it('a resid that resolves to nothing', () => {
      const broken = sourceXml.replace('<Label resid="Registered.Label"/>', '<Label resid="Registered.Nothing"/>');
      expect(checkManifest({ xml: broken, assetsDir, origin: DEV_ORIGIN })).toContain(
        'resid "Registered.Nothing" of <Label> resolves to no resource',
      );
    });

    it('a resid pointing at the wrong kind of resource', () => {
      const broken = sourceXml.replace('<Label resid="Registered.Label"/>', '<Label resid="Registered.Tooltip"/>');
      expect(checkManifest({ xml: broken, assetsDir, origin: DEV_ORIGIN })).toContain(
        'resid "Registered.Tooltip" of <Label> points into LongStrings, expected ShortStrings',
      );
    });

    it('an icon of the wrong pixel size', () => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-assets-'));
      for (const file of readdirSync(assetsDir)) copyFileSync(path.join(assetsDir, file), path.join(folder, file));
      copyFileSync(path.join(assetsDir, 'registered-16.png'), path.join(folder, 'registered-32.png'));
      expect(checkManifest({ xml: sourceXml, assetsDir: folder, origin: DEV_ORIGIN })).toContain(
        'icon Registered.32: registered-32.png is 16×16 px, declared 32×32',
      );
    });

    it('a missing icon file', () => {
      const broken = sourceXml.replace('assets/invoices-80.png', 'assets/missing-80.png');
      const problems = checkManifest({ xml: broken, assetsDir, origin: DEV_ORIGIN });
      expect(problems.some((p) => p.startsWith('icon Invoices.80: missing-80.png cannot be read as PNG'))).toBe(true);
    });

    it('elements out of schema order', () => {
      const withSwap = sourceXml
        .replace('<Permissions>ReadWriteItem</Permissions>', '')
        .replace(
          '<Requirements>\n    <Sets>',
          '<Permissions>ReadWriteItem</Permissions>\n  <Requirements>\n    <Sets>',
        );
      expect(checkManifest({ xml: withSwap, assetsDir, origin: DEV_ORIGIN })).toContain(
        '<Requirements> must come before <Permissions> inside <OfficeApp>',
      );
    });

    it('a string over 125 characters and a missing locale override', () => {
      const long = 'x'.repeat(126);
      const broken = sourceXml
        .replace(
          '<bt:String id="Invoices.Label" DefaultValue="Invoices">',
          `<bt:String id="Invoices.Label" DefaultValue="${long}">`,
        )
        .replace('<bt:Override Locale="it-CH" Value="Vertraulich"/>', '')
        .replace('<bt:Override Locale="it-CH" Value="Confidenziale"/>', '');
      const problems = checkManifest({ xml: broken, assetsDir, origin: DEV_ORIGIN });
      expect(problems).toContain('string "Invoices.Label" (default) has 126 characters, at most 125');
      expect(problems).toContain('string "Confidential.Label" has no override for it-CH');
    });

    it('a URL on another origin or over http', () => {
      const broken = sourceXml
        .replace('https://localhost:3000/commands.html', 'https://evil.example/commands.html')
        .replace(
          'https://localhost:3000/taskpane.html"/>\n        </bt:Urls>',
          'http://localhost:3000/taskpane.html"/>\n        </bt:Urls>',
        );
      const problems = checkManifest({ xml: broken, assetsDir, origin: DEV_ORIGIN });
      expect(problems).toContain('<Url> URL is not on https://localhost:3000: https://evil.example/commands.html');
      expect(problems).toContain('<Url> URL is not https: http://localhost:3000/taskpane.html');
    });

    it('XML that is not well-formed', () => {
      expect(() => checkManifest({ xml: sourceXml.replace('</Hosts>', ''), assetsDir, origin: DEV_ORIGIN })).toThrow(
        /not well-formed/,
      );
    });
  });
});

describe('production manifest (ADDIN_PUBLIC_URL)', () => {
  const origin = 'https://mail.example.ch';
  const production = rewriteManifestOrigin(sourceXml, origin);

  it('points only at the public origin and passes the same checks', async () => {
    expect(production).not.toContain('localhost');
    expect(checkManifest({ xml: production, assetsDir, origin })).toEqual([]);
    expect(await validateWithMicrosoftTools(production)).toEqual([]);
  });

  it('normalises the public URL and refuses what Office cannot load', () => {
    expect(normalizePublicUrl('https://mail.example.ch/')).toBe('https://mail.example.ch');
    expect(normalizePublicUrl('https://example.ch/ledgermail/')).toBe('https://example.ch/ledgermail');
    expect(() => normalizePublicUrl('http://mail.example.ch')).toThrow(/https/);
    expect(() => normalizePublicUrl('mail.example.ch')).toThrow(/not a URL/);
    expect(() => normalizePublicUrl('https://mail.example.ch/?a=1')).toThrow(/query/);
  });
});

describe('icons in assets/', () => {
  it('are real PNGs of the size in their name', () => {
    for (const file of readdirSync(assetsDir).filter((f) => f.endsWith('.png'))) {
      const size = Number(/-(\d+)\.png$/.exec(file)?.[1]);
      const png = PNG.sync.read(readFileSync(path.join(assetsDir, file)));
      expect([file, png.width, png.height]).toEqual([file, size, size]);
      // Not a blank placeholder: some pixels are opaque and some are transparent or differently coloured.
      const alphas = new Set<number>();
      for (let i = 3; i < png.data.length; i += 4) alphas.add(png.data[i]!);
      expect(alphas.size).toBeGreaterThan(1);
    }
  });
});
