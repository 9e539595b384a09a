import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { JSDOM, ResourceLoader, VirtualConsole, type FetchOptions } from 'jsdom';
import { eventually } from './eventually';

/**
 * Microsoft's office.js from the `@microsoft/office-js` package, for tests: the machines cannot reach
 * Microsoft's CDN, and the package ships the same library with the files it loads next to itself (the host
 * scripts such as outlook-web-16.01.js, and the string tables per locale).
 */
const require = createRequire(import.meta.url);
export const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/** The folder of the production pages' office.js tag; office.js loads its host scripts relative to its own URL. */
export const OFFICE_JS_CDN_FOLDER = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

/** The package's file for a URL under the CDN folder, or undefined for anything else (or a path escaping dist/). */
export function officeJsFileFor(url: string): string | undefined {
  if (!url.startsWith(OFFICE_JS_CDN_FOLDER)) return undefined;
  const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_JS_CDN_FOLDER).pathname.length));
  const file = path.resolve(OFFICE_JS_DIST, relative);
  return file.startsWith(OFFICE_JS_DIST + path.sep) ? file : undefined;
}

/** The Outlook hosts whose office.js host scripts the package ships (the `_host_Info` Outlook hands the page). */
export const OUTLOOK_HOSTS = {
  web: { hostInfo: 'Outlook$Web$16.01$en-US$$$$0', script: 'outlook-web-16.01', appName: 'OutlookWebApp' },
  win32: { hostInfo: 'Outlook$Win32$16.02$en-US$$$$0', script: 'outlook-win32-16.02', appName: 'Outlook' },
  mac: { hostInfo: 'Outlook$Mac$16.00$en-US$$$$0', script: 'outlook-mac-16.00', appName: 'Outlook' },
} as const;
export type OutlookHost = keyof typeof OUTLOOK_HOSTS;

type ErrorArgs = { name: string; message: string };
export type RealOutlookLibrary = {
  /** `Office` as the add-in sees it in that Outlook. */
  office: Record<string, unknown>;
  /** The name and en-US message office.js reports for an error code, or undefined where it defines none. */
  errorArgs(code: number): ErrorArgs | undefined;
  close(): void;
};

/** Answers the CDN folder from the package, nothing else (the telemetry frame and MicrosoftAjax stay unloaded). */
class PackageCdn extends ResourceLoader {
  override fetch(url: string, _options: FetchOptions) {
    const file = officeJsFileFor(url);
    // Reading a local file has nothing to abort.
    return file ? Object.assign(readFile(file), { abort() {} }) : null;
  }
}

/** A jsdom page whose head loads office.js from the CDN folder (answered from the package). */
function officeJsPage(url: string): JSDOM {
  // office.js complains outside Outlook (no MicrosoftAjax, no answer from a host): not this test's output.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(
    `<!doctype html><html><head><script src="${OFFICE_JS_CDN_FOLDER}office.js"></script></head></html>`,
    {
      url,
      runScripts: 'dangerously',
      resources: new PackageCdn(),
      virtualConsole,
    },
  );
}

/**
 * The real office.js as a browser tab outside Office has it: the page's address carries no `_host_Info`, so
 * office.js loads its outside-Office script and resolves Office.onReady with no host.
 */
export async function loadOfficeJsOutsideOffice(): Promise<{ office: typeof Office; close(): void }> {
  const dom = officeJsPage('https://localhost/taskpane.html');
  const window = dom.window as unknown as { Office?: typeof Office; close(): void };
  await eventually(
    () => {
      if (!window.Office?.onReady) throw new Error('office.js did not load');
    },
    { timeoutMs: 20_000 },
  );
  return { office: window.Office!, close: () => window.close() };
}

/**
 * The real office.js in jsdom as an Outlook host starts it: the page carries Outlook's `_host_Info`, and
 * office.js itself picks and loads that host's script and string table from the CDN folder (answered from
 * the package). The Outlook part of a host script (Office.MailboxEnums, Office.CoercionType, the Office
 * error messages) runs only once Outlook answered office.js with the add-in's context; no Outlook answers
 * here, so the test runs that step itself with a stand-in context. What the step does after that (the
 * add-in's settings and mailbox, from Outlook's initial data) needs Outlook and fails, which nothing here reads.
 */
export async function loadRealOutlookLibrary(host: OutlookHost): Promise<RealOutlookLibrary> {
  const { hostInfo, appName } = OUTLOOK_HOSTS[host];
  const dom = officeJsPage(`https://localhost/taskpane.html?_host_Info=${hostInfo}`);
  // office.js puts its own globals (OSF, Strings, Office) on the window, untyped.
  const window = dom.window as any;
  await eventually(
    () => {
      if (!window.Strings?.OfficeOM || !window.OSF?.InitializationHelper?.prototype?.loadAppSpecificScriptAndCreateOM) {
        throw new Error(`office.js did not load the ${host} host script and its strings`);
      }
    },
    { timeoutMs: 20_000 },
  );
  const helper = Object.create(window.OSF.InitializationHelper.prototype);
  helper._webAppState = { wnd: window };
  try {
    helper.loadAppSpecificScriptAndCreateOM({ get_appName: () => window.OSF.AppName[appName] }, () => {}, '');
  } catch {
    // The settings and mailbox, see above.
  }
  if (!window.Office?.MailboxEnums) throw new Error(`The Outlook part of the ${host} host script did not run`);

  const manager = window.OSF.DDA.ErrorCodeManager;
  const internalError = manager.getErrorArgs(manager.errorCodes.ooeInternalError);
  const outlookErrors = outlookErrorTable(host, window);
  return {
    office: window.Office,
    errorArgs(code) {
      if (outlookErrors.has(code)) return outlookErrors.get(code);
      const args = manager.getErrorArgs(code);
      // getErrorArgs answers an unknown code with the internal error's name and message.
      return args === internalError && code !== manager.errorCodes.ooeInternalError ? undefined : { ...args };
    },
    close: () => window.close(),
  };
}

/**
 * Outlook's own error codes (9000 and up): each host script registers them in a function of its Outlook
 * part that runs the first time an Outlook call fails, which needs Outlook. The table is read from the
 * host script's readable build (the `.debug.js` of the same version, which the package ships beside the
 * minified one), its messages from the en-US Outlook string table that office.js loads.
 */
function outlookErrorTable(host: OutlookHost, window: { eval(source: string): unknown }): Map<number, ErrorArgs> {
  const { script } = OUTLOOK_HOSTS[host];
  const minified = readFileSync(path.join(OFFICE_JS_DIST, `${script}.js`), 'utf8');
  const readable = readFileSync(path.join(OFFICE_JS_DIST, `${script}.debug.js`), 'utf8');
  const version = (source: string) => /osfweb version: ([\d.]+)/.exec(source)?.[1];
  if (!version(minified) || version(minified) !== version(readable)) {
    throw new Error(`${script}.js and ${script}.debug.js are not the same build`);
  }
  const strings = window.eval(
    `${readFileSync(path.join(OFFICE_JS_DIST, 'en-us/outlook_strings.js'), 'utf8')}; _u.ExtensibilityStrings`,
  ) as Record<string, string>;
  const constants = new Map([...readable.matchAll(/^var (\w+) = (\d+);$/gm)].map((m) => [m[1]!, m[2]!]));
  const calls = readable.match(/^ {2}addErrorMessage\(/gm) ?? [];
  const entries = [
    ...readable.matchAll(
      /^ {2}addErrorMessage\((\d+), "(\w+)", (?:getString\("(\w+)"\)(?:\.replace\("\{0\}", (\w+)\))?|"")\);$/gm,
    ),
  ];
  // Every registration read, or the format changed and the table would silently shrink.
  if (calls.length === 0 || entries.length !== calls.length) {
    throw new Error(`${script}.debug.js: read ${entries.length} of ${calls.length} addErrorMessage calls`);
  }
  return new Map(
    entries.map(([, code, name, key, placeholder]) => {
      const text = key ? strings[key] : '';
      if (text === undefined) throw new Error(`No en-US Outlook string ${key}`);
      const value = placeholder ? constants.get(placeholder) : undefined;
      if (placeholder && value === undefined) throw new Error(`${script}.debug.js: no value for ${placeholder}`);
      return [Number(code), { name: name!, message: value ? text.replace('{0}', value) : text }];
    }),
  );
}
