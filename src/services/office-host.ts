/**
 * Where an add-in page runs: in Outlook, or somewhere office.js finds no Outlook (the page opened in a
 * browser tab: office.js then resolves Office.onReady with `host: null` and gives no Office.context.mailbox;
 * or another Office application, which names itself). The pane and the function file check it before they
 * touch anything of Outlook's. Kept free of zod and React: the pane's first chunk imports it.
 */
export type OfficeHost = 'outlook' | 'outside-outlook';

/** The part of office.js this needs; the workbench's simulated Office has it too. */
export type OfficeReady = Pick<typeof Office, 'onReady' | 'HostType'>;

/** Waits for office.js and says where the page runs. */
export async function detectOfficeHost(office: OfficeReady): Promise<OfficeHost> {
  const info = await office.onReady();
  return info.host === office.HostType.Outlook ? 'outlook' : 'outside-outlook';
}
