import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { servedManifestWarning } from './http/manifest-port.js';
import { resolveTlsMaterial } from './http/tls.js';

const ACCOUNTING_NAMES = { ledger: 'the built-in ledger', bexio: 'bexio', winbiz: 'WinBIZ Cloud' } as const;

async function main(): Promise<void> {
  const config = loadConfig();
  const warnings: string[] = [];
  const tls = config.tls.mode === 'on' ? await resolveTlsMaterial(config, (m) => warnings.push(m)) : undefined;
  const app = await buildApp({ config, ...(tls ? { https: { cert: tls.cert, key: tls.key } } : {}) });
  const manifestWarning = servedManifestWarning(config.addinDir, config.port);
  if (manifestWarning) warnings.push(manifestWarning);
  for (const warning of warnings) app.log.warn(warning);

  await app.listen({ host: config.host, port: config.port });
  const origin = `${tls ? 'https' : 'http'}://${config.host}:${config.port}`;
  console.log(
    [
      '',
      `LedgerMail bridge is running at ${origin}`,
      `  Health:    ${origin}/api/health  (ready: ${origin}/api/ready)`,
      `  Accounting: ${ACCOUNTING_NAMES[config.accounting.kind]}${config.accounting.kind === 'ledger' ? '' : ` at ${config.accounting.apiUrl}`}`,
      `  Task pane: ${origin}/taskpane.html`,
      ...(config.env === 'production'
        ? []
        : [`  Workbench: ${origin}/workbench/  (development tool: a simulated Outlook compose window, not Outlook)`]),
      '',
      'Sideload the add-in in Outlook on the web: open a new message, choose Apps (or ··· › Get Add-ins),',
      `My add-ins › Custom add-ins › Add a custom add-in › Add from file…, and pick ${config.addinDir}/manifest.xml.`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  const stop = async (signal: string): Promise<void> => {
    app.log.info(`${signal} received, closing`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('LedgerMail bridge failed to start:', error);
  }
  process.exit(1);
});
