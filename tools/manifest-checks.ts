/**
 * Structural checks of the XML add-in manifest that Microsoft's converter lets through: element order,
 * resid resolution, icon files and sizes, URL origin, string lengths and locale overrides. Each check
 * returns readable problems instead of throwing, so a test can show all of them at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { PNG } from 'pngjs';

export const REQUIRED_LOCALES = ['de-DE', 'de-CH', 'fr-FR', 'fr-CH', 'it-IT', 'it-CH'] as const;
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

/** Child order the Office schemas enforce (xs:sequence), for the elements LedgerMail uses. */
const SEQUENCES: Record<string, readonly string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'FormSettings',
    'Permissions',
    'Rule',
    'DisableEntityHighlighting',
    'VersionOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'],
  DesktopFormFactor: ['FunctionFile', 'ExtensionPoint'],
  Group: ['Label', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
  Form: ['DesktopSettings', 'TabletSettings', 'PhoneSettings'],
  DesktopSettings: ['SourceLocation', 'RequestedHeight'],
};

/** Which resource collection each resid-bearing element must point into. */
const RESID_KIND: Record<string, 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'> = {
  Image: 'Images',
  FunctionFile: 'Urls',
  SourceLocation: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

export type ManifestSource = { xml: string; assetsDir: string; origin: string };

function children(element: Element): Element[] {
  const result: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) result.push(node as Element);
  }
  return result;
}

function allElements(root: Element): Element[] {
  const result: Element[] = [root];
  for (const child of children(root)) result.push(...allElements(child));
  return result;
}

export function parseManifest(xml: string): Element {
  const errors: string[] = [];
  let document: ReturnType<DOMParser['parseFromString']> | undefined;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    // xmldom throws on fatal errors after reporting them.
    if (errors.length === 0) errors.push((error as Error).message);
  }
  if (errors.length > 0 || !document?.documentElement) {
    throw new Error(`manifest.xml is not well-formed XML: ${errors.join('; ')}`);
  }
  return document.documentElement;
}

export function checkElementOrder(root: Element): string[] {
  const problems: string[] = [];
  for (const element of allElements(root)) {
    const sequence = SEQUENCES[element.localName ?? ''];
    if (!sequence) continue;
    let last = -1;
    for (const child of children(element)) {
      const position = sequence.indexOf(child.localName ?? '');
      if (position === -1) {
        problems.push(`<${child.localName}> is not expected inside <${element.localName}>`);
      } else if (position < last) {
        problems.push(`<${child.localName}> must come before <${sequence[last]}> inside <${element.localName}>`);
      } else {
        last = position;
      }
    }
  }
  return problems;
}

type Resource = { kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'; element: Element };

function collectResources(root: Element): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  for (const element of allElements(root)) {
    if (element.localName !== 'Resources') continue;
    for (const collection of children(element)) {
      const kind = collection.localName as Resource['kind'];
      for (const entry of children(collection)) resources.set(entry.getAttribute('id') ?? '', { kind, element: entry });
    }
  }
  return resources;
}

export function checkResids(root: Element): string[] {
  const resources = collectResources(root);
  const problems: string[] = [];
  for (const element of allElements(root)) {
    const resid = element.getAttribute('resid');
    if (resid === null) continue;
    const resource = resources.get(resid);
    const expected = RESID_KIND[element.localName ?? ''];
    if (!resource) problems.push(`resid "${resid}" of <${element.localName}> resolves to no resource`);
    else if (expected && resource.kind !== expected) {
      problems.push(`resid "${resid}" of <${element.localName}> points into ${resource.kind}, expected ${expected}`);
    }
  }
  return problems;
}

function urlToAssetFile(url: string, source: ManifestSource): string | undefined {
  if (!url.startsWith(`${source.origin}/assets/`)) return undefined;
  return path.join(source.assetsDir, url.slice(`${source.origin}/assets/`.length));
}

function checkPng(url: string, size: number, what: string, source: ManifestSource): string[] {
  const file = urlToAssetFile(url, source);
  if (!file) return [`${what}: ${url} is not under ${source.origin}/assets/`];
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(file));
  } catch (error) {
    return [`${what}: ${path.basename(file)} cannot be read as PNG (${(error as Error).message})`];
  }
  return png.width === size && png.height === size
    ? []
    : [`${what}: ${path.basename(file)} is ${png.width}×${png.height} px, declared ${size}×${size}`];
}

export function checkIcons(root: Element, source: ManifestSource): string[] {
  const resources = collectResources(root);
  const problems: string[] = [];
  for (const element of allElements(root)) {
    if (element.localName === 'IconUrl') {
      problems.push(...checkPng(element.getAttribute('DefaultValue') ?? '', 64, 'IconUrl', source));
    } else if (element.localName === 'HighResolutionIconUrl') {
      problems.push(...checkPng(element.getAttribute('DefaultValue') ?? '', 128, 'HighResolutionIconUrl', source));
    } else if (element.localName === 'Image' && element.hasAttribute('size')) {
      const resource = resources.get(element.getAttribute('resid') ?? '');
      if (!resource) continue; // reported by checkResids
      const size = Number(element.getAttribute('size'));
      const url = resource.element.getAttribute('DefaultValue') ?? '';
      problems.push(...checkPng(url, size, `icon ${element.getAttribute('resid')}`, source));
    }
  }
  return problems;
}

export function checkUrls(root: Element, origin: string): string[] {
  const problems: string[] = [];
  for (const element of allElements(root)) {
    const values = [element.getAttribute('DefaultValue'), element.getAttribute('Value')];
    if (element.localName === 'AppDomain') values.push(element.textContent);
    for (const value of values) {
      if (!value || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
      if (!value.startsWith('https://')) problems.push(`<${element.localName}> URL is not https: ${value}`);
      else if (value !== origin && !value.startsWith(`${origin}/`)) {
        problems.push(`<${element.localName}> URL is not on ${origin}: ${value}`);
      }
    }
  }
  return problems;
}

function localizedStrings(root: Element): Array<{ name: string; element: Element; max: number }> {
  const result: Array<{ name: string; element: Element; max: number }> = [];
  for (const element of allElements(root)) {
    if (element.localName === 'DisplayName' && element.parentNode === root) {
      result.push({ name: 'DisplayName', element, max: SHORT_STRING_MAX });
    } else if (element.localName === 'Description' && element.parentNode === root) {
      result.push({ name: 'Description', element, max: LONG_STRING_MAX });
    } else if (element.localName === 'String') {
      const collection = (element.parentNode as Element | null)?.localName;
      const max = collection === 'LongStrings' ? LONG_STRING_MAX : SHORT_STRING_MAX;
      result.push({ name: `string "${element.getAttribute('id')}"`, element, max });
    }
  }
  return result;
}

export function checkStrings(root: Element): string[] {
  const problems: string[] = [];
  for (const { name, element, max } of localizedStrings(root)) {
    const values = [{ locale: 'default', value: element.getAttribute('DefaultValue') ?? '' }];
    const locales = new Set<string>();
    for (const override of children(element).filter((c) => c.localName === 'Override')) {
      const locale = override.getAttribute('Locale') ?? '';
      locales.add(locale);
      values.push({ locale, value: override.getAttribute('Value') ?? '' });
    }
    for (const { locale, value } of values) {
      if (value.trim() === '') problems.push(`${name} (${locale}) is empty`);
      if (value.length > max) problems.push(`${name} (${locale}) has ${value.length} characters, at most ${max}`);
    }
    for (const locale of REQUIRED_LOCALES) {
      if (!locales.has(locale)) problems.push(`${name} has no override for ${locale}`);
    }
  }
  return problems;
}

export function functionNames(root: Element): string[] {
  return allElements(root)
    .filter((e) => e.localName === 'FunctionName')
    .map((e) => (e.textContent ?? '').trim());
}

export function checkManifest(source: ManifestSource): string[] {
  const root = parseManifest(source.xml);
  return [
    ...checkElementOrder(root),
    ...checkResids(root),
    ...checkIcons(root, source),
    ...checkUrls(root, source.origin),
    ...checkStrings(root),
  ];
}
