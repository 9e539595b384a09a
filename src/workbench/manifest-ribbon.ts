/**
 * Reads the ribbon of the message compose surface from the real manifest.xml, so the workbench shows what
 * Outlook would: the group, each button's label, tooltip and icon, and what it does (open the task pane or
 * run a function of the function file). Strings are resolved for the display language as Outlook does it:
 * the `<Override Locale>` that matches, else the DefaultValue.
 */
import { SEND_MODES, type OnSendLaunchEvent } from './office-sim/smart-alerts';

export type RibbonAction = { type: 'ShowTaskpane'; url: string } | { type: 'ExecuteFunction'; functionName: string };

export type RibbonButton = {
  id: string;
  label: string;
  tooltip: string;
  /** Same-origin path of the 32 px icon (the manifest's absolute URL points at the bridge's public origin). */
  iconPath: string;
  action: RibbonAction;
};

/** The `OnMessageSend` launch event, the Smart Alert behind Outlook's Send; undefined when not declared. */
export function readOnSendLaunchEvent(doc: Document): OnSendLaunchEvent | undefined {
  const event = Array.from(doc.getElementsByTagName('LaunchEvent')).find(
    (e) => e.getAttribute('Type') === 'OnMessageSend',
  );
  if (!event) return undefined;
  const functionName = event.getAttribute('FunctionName') ?? '';
  // SoftBlock is Outlook's default when the manifest names no mode.
  const sendMode = SEND_MODES.find((m) => m === (event.getAttribute('SendMode') ?? 'SoftBlock'));
  if (!functionName || !sendMode) throw new Error('manifest.xml: the OnMessageSend LaunchEvent is incomplete');
  return { functionName, sendMode };
}

export type RibbonGroup = { id: string; label: string; buttons: RibbonButton[]; functionFilePath: string | undefined };

const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((c) => c.localName === localName);
}

function child(parent: Element, localName: string): Element | undefined {
  return children(parent, localName)[0];
}

function resourceValue(
  doc: Document,
  kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings',
  resid: string,
  locale: string,
): string {
  const container = doc.getElementsByTagNameNS(BT, kind)[0];
  const entry = container ? Array.from(container.children).find((e) => e.getAttribute('id') === resid) : undefined;
  if (!entry) throw new Error(`manifest.xml: resource ${kind}/${resid} is missing`);
  const overrides = children(entry, 'Override');
  const wanted = locale.toLowerCase();
  const exact = overrides.find((o) => o.getAttribute('Locale')?.toLowerCase() === wanted);
  const sameLanguage = overrides.find(
    (o) => o.getAttribute('Locale')?.toLowerCase().split('-')[0] === wanted.split('-')[0],
  );
  return (exact ?? sameLanguage)?.getAttribute('Value') ?? entry.getAttribute('DefaultValue') ?? '';
}

function samePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export function readComposeRibbon(doc: Document, locale: string): RibbonGroup {
  const surface = Array.from(doc.getElementsByTagName('ExtensionPoint')).find(
    (e) => e.getAttribute('xsi:type') === 'MessageComposeCommandSurface',
  );
  const group = surface?.getElementsByTagName('Group')[0];
  if (!surface || !group) throw new Error('manifest.xml: no MessageComposeCommandSurface group');
  const resid = (el: Element | undefined) => el?.getAttribute('resid') ?? '';
  const functionFile = surface.parentElement ? child(surface.parentElement, 'FunctionFile') : undefined;

  const buttons = children(group, 'Control').map((control): RibbonButton => {
    const actionEl = child(control, 'Action');
    const actionType = actionEl?.getAttribute('xsi:type');
    const icon32 = Array.from(child(control, 'Icon')?.children ?? []).find((i) => i.getAttribute('size') === '32');
    let action: RibbonAction;
    if (actionType === 'ExecuteFunction') {
      action = { type: 'ExecuteFunction', functionName: child(actionEl!, 'FunctionName')?.textContent?.trim() ?? '' };
    } else if (actionType === 'ShowTaskpane') {
      action = {
        type: 'ShowTaskpane',
        url: samePath(resourceValue(doc, 'Urls', resid(child(actionEl!, 'SourceLocation')), locale)),
      };
    } else {
      throw new Error(`manifest.xml: control ${control.getAttribute('id')} has an unsupported action ${actionType}`);
    }
    const supertip = child(control, 'Supertip');
    return {
      id: control.getAttribute('id') ?? '',
      label: resourceValue(doc, 'ShortStrings', resid(child(control, 'Label')), locale),
      tooltip: supertip ? resourceValue(doc, 'LongStrings', resid(child(supertip, 'Description')), locale) : '',
      iconPath: samePath(resourceValue(doc, 'Images', resid(icon32), locale)),
      action,
    };
  });

  return {
    id: group.getAttribute('id') ?? '',
    label: resourceValue(doc, 'ShortStrings', resid(child(group, 'Label')), locale),
    buttons,
    functionFilePath: functionFile ? samePath(resourceValue(doc, 'Urls', resid(functionFile), locale)) : undefined,
  };
}

/** Whether `controlId` is a button of the manifest that shows a task pane (what a Smart Alert's Take Action may open). */
export function isTaskPaneCommand(doc: Document, controlId: string): boolean {
  const control = Array.from(doc.getElementsByTagName('Control')).find((c) => c.getAttribute('id') === controlId);
  return control ? child(control, 'Action')?.getAttribute('xsi:type') === 'ShowTaskpane' : false;
}
