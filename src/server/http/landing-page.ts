import type { FastifyInstance } from 'fastify';
import { toLanguage, type Language } from '../../contract/language.js';

type LandingTexts = {
  title: string;
  what: string;
  manifest: string;
  manifestHint: string;
  health: string;
  workbench: string;
  workbenchHint: string;
};

const TEXTS: Record<Language, LandingTexts> = {
  de: {
    title: 'LedgerMail-Bridge',
    what: 'Dieser Dienst gehört zum Outlook-Add-in LedgerMail: Er liefert dessen Seiten aus, liest die Rechnungen und Mahnungen aus der Buchhaltung und übergibt eingeschriebene und vertrauliche Nachrichten an IncaMail.',
    manifest: 'Manifest des Add-ins (manifest.xml)',
    manifestHint: 'für die zentrale Bereitstellung (Integrierte Apps) oder zum Hinzufügen aus einer Datei',
    health: 'Zustand und Bereitschaft',
    workbench: 'Werkbank',
    workbenchHint: 'Entwicklungswerkzeug: ein simuliertes Outlook-Verfassen-Fenster, nicht Outlook',
  },
  fr: {
    title: 'Passerelle LedgerMail',
    what: 'Ce service accompagne le complément Outlook LedgerMail : il en sert les pages, lit les factures et les rappels de la comptabilité et remet à IncaMail les messages recommandés et confidentiels.',
    manifest: 'Manifeste du complément (manifest.xml)',
    manifestHint: 'pour le déploiement centralisé (Applications intégrées) ou l’ajout à partir d’un fichier',
    health: 'État et disponibilité',
    workbench: 'Atelier',
    workbenchHint: 'outil de développement : une fenêtre de rédaction Outlook simulée, pas Outlook',
  },
  it: {
    title: 'Bridge LedgerMail',
    what: 'Questo servizio accompagna il componente aggiuntivo Outlook LedgerMail: ne fornisce le pagine, legge fatture e solleciti dalla contabilità e consegna a IncaMail i messaggi raccomandati e confidenziali.',
    manifest: 'Manifesto del componente aggiuntivo (manifest.xml)',
    manifestHint: 'per la distribuzione centralizzata (App integrate) o per aggiungerlo da un file',
    health: 'Stato e disponibilità',
    workbench: 'Banco di lavoro',
    workbenchHint: 'strumento di sviluppo: una finestra di composizione di Outlook simulata, non Outlook',
  },
  en: {
    title: 'LedgerMail bridge',
    what: 'This service belongs to the LedgerMail Outlook add-in: it serves the add-in’s pages, reads invoices and reminders from the accounting, and hands registered and confidential messages to IncaMail.',
    manifest: 'The add-in’s manifest (manifest.xml)',
    manifestHint: 'for central deployment (Integrated Apps) or to add it from a file',
    health: 'Health and readiness',
    workbench: 'Workbench',
    workbenchHint: 'development tool: a simulated Outlook compose window, not Outlook',
  },
};

/** The page, in the language the browser asks for first; every text is LedgerMail's own, none comes from the request. */
export function landingPage(language: Language, options: { workbench: boolean }): string {
  const t = TEXTS[language];
  const item = (href: string, label: string, hint?: string) =>
    `<li><a href="${href}">${label}</a>${hint ? ` – ${hint}` : ''}</li>`;
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${t.title}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>',
    '</head>',
    '<body>',
    `<h1>${t.title}</h1>`,
    `<p>${t.what}</p>`,
    '<ul>',
    item('/manifest.xml', t.manifest, t.manifestHint),
    item('/api/ready', t.health),
    ...(options.workbench ? [item('/workbench/', t.workbench, t.workbenchHint)] : []),
    '</ul>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * `GET /`: a small page that says what answers here, for the admin or the curious who opens the bridge's address
 * in a browser (it used to answer 403 with a JSON error). The workbench is linked only where it is served.
 */
export function landingPageRoute(app: FastifyInstance, options: { workbench: boolean }): void {
  app.get('/', async (request, reply) => {
    const language = toLanguage(request.headers['accept-language']?.split(',')[0]);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-language', language)
      .header('vary', 'accept-language')
      .send(landingPage(language, options));
  });
}
