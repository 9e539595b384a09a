import path from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { CommandRun, ComposeSnapshot, HostSettings, SimAttachment } from '../../../src/workbench/office-sim';
import { axeViolations, type AxeViolation } from './axe';
import { TokenSchema } from '../../../src/contract/auth.schemas';
import {
  MailboxMessageListSchema,
  SandboxMessageListSchema,
  type MailboxMessage,
  type SandboxMessage,
} from '../../../src/contract/sandbox.schemas';

export type RecipientField = 'to' | 'cc' | 'bcc';
export type RibbonButtonInfo = { label: string; controlId: string; functionName: string | null; iconLoaded: boolean };
export type SandboxMessages =
  { status: 'available'; messages: SandboxMessage[] } | { status: 'not-available'; httpStatus: number };

/** Numbered screenshots of one test, in the run's folder, for people to look at. */
export class Screenshots {
  private step = 0;
  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  async take(page: Page, name: string): Promise<string> {
    const file = this.nextFile(name);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** One element alone (the task pane's frame, say), at its size on the page. */
  async takeOf(element: Locator, name: string): Promise<string> {
    const file = this.nextFile(name);
    await element.screenshot({ path: file });
    return file;
  }

  private nextFile(name: string): string {
    this.step += 1;
    const slug = `${this.prefix}-${String(this.step).padStart(2, '0')}-${name}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    return path.join(this.dir, `${slug}.png`);
  }
}

/**
 * Page object of the workbench: typed helpers for what a test does in a simulated Outlook compose window
 * (type recipients, click the ribbon, look into the task pane, read the item's attachments and
 * notifications, see what the IncaMail sandbox received).
 */
export class Workbench {
  private constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly shots: Screenshots,
  ) {}

  static async open(
    context: BrowserContext,
    options: { baseUrl: string; shots: Screenshots; host?: Partial<HostSettings> },
  ): Promise<Workbench> {
    const page = await context.newPage();
    const query = new URLSearchParams();
    if (options.host?.version) query.set('host', options.host.version);
    if (options.host?.displayLanguage) query.set('lang', options.host.displayLanguage);
    if (options.host?.theme) query.set('theme', options.host.theme);
    await page.goto(`${options.baseUrl}/workbench/?${query}`);
    const workbench = new Workbench(page, options.baseUrl, options.shots);
    await workbench.ribbon().getByRole('button').first().waitFor();
    return workbench;
  }

  screenshot(name: string): Promise<string> {
    return this.shots.take(this.page, name);
  }

  // --- ribbon and function commands ---

  ribbon(): Locator {
    return this.page.getByRole('toolbar', { name: /ribbon group/ });
  }

  ribbonButton(label: string | RegExp): Locator {
    return this.ribbon().getByRole('button', { name: label });
  }

  async ribbonButtons(): Promise<RibbonButtonInfo[]> {
    return this.ribbon()
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons.map((b) => {
          const img = b.querySelector('img');
          return {
            label: b.textContent?.trim() ?? '',
            controlId: b.getAttribute('data-control-id') ?? '',
            functionName: b.getAttribute('data-function-name'),
            iconLoaded: !!img && img.complete && img.naturalWidth > 0,
          };
        }),
      );
  }

  /** Waits until the function file (hidden frame) has associated its functions. */
  async waitForFunctionFile(names: readonly string[]): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => wanted.every((n) => window.ledgerMailWorkbench.host.commands.associatedNames().includes(n)),
      names,
    );
  }

  /** Clicks a ribbon button that runs a function and resolves with the run once it left `running`. */
  async runRibbonCommand(label: string | RegExp, timeoutMs = 30_000): Promise<CommandRun> {
    const before = await this.commandRuns();
    await this.ribbonButton(label).click();
    await this.page.waitForFunction(
      (count) => {
        const runs = window.ledgerMailWorkbench.host.commands.getRuns();
        return runs.length > count && runs[runs.length - 1]!.status !== 'running';
      },
      before.length,
      { timeout: timeoutMs },
    );
    const runs = await this.commandRuns();
    return runs[runs.length - 1]!;
  }

  commandRuns(): Promise<CommandRun[]> {
    return this.page.evaluate(() => [...window.ledgerMailWorkbench.host.commands.getRuns()]);
  }

  // --- host ---

  async configureHost(change: Partial<HostSettings>): Promise<void> {
    await this.page.evaluate((c) => window.ledgerMailWorkbench.host.configure(c), change);
  }

  /**
   * Reloads the workbench page, as a person reloads Outlook on the web: the compose window starts empty, the
   * pane and the function file start anew, the saved drafts stay (IndexedDB).
   */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.ribbon().getByRole('button').first().waitFor();
  }

  /** Opens the newest saved draft with this subject from the Drafts folder, as the person would. */
  async openSavedDraft(subject: string): Promise<void> {
    const itemId = await this.page.waitForFunction(
      async (wanted) =>
        (await window.ledgerMailWorkbench.host.savedDrafts()).find((d) => d.subject === wanted)?.itemId ?? false,
      subject,
    );
    const drafts = this.page.getByRole('combobox', { name: 'Drafts', exact: true });
    await drafts.selectOption(String(await itemId.jsonValue()));
    await this.page.getByRole('button', { name: 'Open draft' }).click();
    await this.page.waitForFunction((wanted) => window.ledgerMailWorkbench.state.get().subject === wanted, subject);
  }

  // --- compose form ---

  recipientInput(field: RecipientField): Locator {
    return this.page.getByRole('textbox', { name: { to: 'To', cc: 'Cc', bcc: 'Bcc' }[field], exact: true });
  }

  /** Types recipients as a person does and leaves the field, which is when Outlook resolves them. */
  async typeRecipients(field: RecipientField, text: string): Promise<void> {
    await this.recipientInput(field).fill(text);
    await this.recipientInput(field).press('Tab');
  }

  async typeSubject(subject: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  }

  async typeBody(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Body', exact: true }).fill(text);
  }

  /** Attaches a file through the workbench's own file picker (Outlook's UI, not the add-in). */
  async attachFile(filePath: string): Promise<void> {
    await this.page.getByLabel('Attach a file').setInputFiles(filePath);
  }

  // --- the item, as the simulated Outlook holds it ---

  item(): Promise<ComposeSnapshot> {
    return this.page.evaluate(() => window.ledgerMailWorkbench.state.get());
  }

  async attachments(): Promise<SimAttachment[]> {
    return [...(await this.item()).attachments];
  }

  /** The attachment rows the person sees, with the size as shown. */
  async attachmentRows(): Promise<{ name: string; size: number; text: string }[]> {
    return this.page
      .getByRole('list', { name: 'Attachments' })
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map((li) => ({
          name: li.querySelector('.attachment-name')?.textContent ?? '',
          size: Number(li.getAttribute('data-size')),
          text: li.textContent ?? '',
        })),
      );
  }

  async notifications(): Promise<ComposeSnapshot['notifications']> {
    return (await this.item()).notifications;
  }

  notificationBar(): Locator {
    return this.page.getByRole('region', { name: 'Notifications' });
  }

  async lifecycle(): Promise<ComposeSnapshot['lifecycle']> {
    return (await this.item()).lifecycle;
  }

  // --- the task pane ---

  pane(): FrameLocator {
    return this.page.frameLocator('iframe[title="LedgerMail task pane"]');
  }

  /** The pane's Frame, for evaluating scripts in it (axe-core, document.lang). */
  async paneFrame(): Promise<Frame> {
    const handle = await this.page.locator('iframe[title="LedgerMail task pane"]').elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('The task pane frame is not there');
    await frame.waitForLoadState('load');
    return frame;
  }

  /** Runs axe-core in the task pane and returns its violations. */
  async axeViolations(): Promise<AxeViolation[]> {
    return axeViolations(await this.paneFrame());
  }

  // --- Outlook's Send and its Smart Alert ---

  sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Send', exact: true });
  }

  /** Outlook's Smart Alert dialog, titled with the add-in's name. */
  smartAlert(): Locator {
    return this.page.getByRole('dialog', { name: 'LedgerMail' });
  }

  /**
   * Clicks Send and waits until Outlook either shows its Smart Alert or the mailbox took the message (or
   * refused it): `alert` or `sent` or `failed`.
   */
  async clickSend(timeoutMs = 30_000): Promise<'alert' | 'sent' | 'failed'> {
    await this.sendButton().click();
    const status = this.page.locator('[data-send-step]');
    await this.page.waitForFunction(
      () => {
        const step = document.querySelector('[data-send-step]')?.getAttribute('data-send-step');
        return step === 'alert' || step === 'sent' || step === 'failed';
      },
      undefined,
      { timeout: timeoutMs },
    );
    return (await status.getAttribute('data-send-step')) as 'alert' | 'sent' | 'failed';
  }

  /** The alert's plain message (errorMessage), whichever form it is shown in, and its buttons. */
  async smartAlertContent(): Promise<{ message: string; shown: string; choices: string[] }> {
    const alert = this.smartAlert();
    return {
      message: (await alert.locator('[data-plain-message]').getAttribute('data-plain-message')) ?? '',
      shown: (await alert.locator('#smart-alert-message').innerText()).trim(),
      choices: await alert.getByRole('button').allInnerTexts(),
    };
  }

  // --- the IncaMail sandbox and the mailbox ---

  private async adminGet(pathName: string) {
    const token = await this.page.request.get(
      `${this.baseUrl}/api/dev/token?email=e2e%40ledgermail.invalid&role=admin`,
    );
    const { token: bearer } = TokenSchema.parse(await token.json());
    return this.page.request.get(`${this.baseUrl}${pathName}`, { headers: { authorization: `Bearer ${bearer}` } });
  }

  /** What the sandbox received, straight from the bridge (GET /api/sandbox/messages). */
  async sandboxMessages(): Promise<SandboxMessages> {
    const response = await this.adminGet('/api/sandbox/messages');
    if (!response.ok()) return { status: 'not-available', httpStatus: response.status() };
    return { status: 'available', messages: SandboxMessageListSchema.parse(await response.json()).items };
  }

  /** What the simulated mailbox sent with Outlook's Send, newest first. */
  async mailboxMessages(): Promise<MailboxMessage[]> {
    const response = await this.adminGet('/api/sandbox/mailbox/messages');
    if (!response.ok()) throw new Error(`GET /api/sandbox/mailbox/messages answered ${response.status()}`);
    return MailboxMessageListSchema.parse(await response.json()).items;
  }

  sandboxPanel(): Locator {
    return this.page.getByRole('region', { name: 'IncaMail sandbox' });
  }
}
