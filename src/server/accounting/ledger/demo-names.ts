import type { Language } from '../../../contract/locale.js';

/**
 * Raw material for the demo ledger: real Swiss (and a few neighbouring) towns with their postal codes, street
 * names typical of each language region, and made-up companies and people. Every name is fictional; any
 * likeness to a real business is accidental.
 */
export type Town = { postalCode: string; town: string; country: string };

export type Region = {
  language: Language;
  towns: readonly Town[];
  streets: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Company name patterns; `{name}` is a last name, `{trade}` a trade. */
  companies: readonly string[];
  trades: readonly string[];
  /** Mailbox of the accounts department, e.g. `buchhaltung`. */
  accountsMailbox: string;
};

export const REGIONS: readonly Region[] = [
  {
    language: 'de',
    towns: [
      { postalCode: '8004', town: 'Zürich', country: 'CH' },
      { postalCode: '8400', town: 'Winterthur', country: 'CH' },
      { postalCode: '3011', town: 'Bern', country: 'CH' },
      { postalCode: '4051', town: 'Basel', country: 'CH' },
      { postalCode: '6003', town: 'Luzern', country: 'CH' },
      { postalCode: '9000', town: 'St. Gallen', country: 'CH' },
      { postalCode: '5000', town: 'Aarau', country: 'CH' },
      { postalCode: '7000', town: 'Chur', country: 'CH' },
      { postalCode: '8200', town: 'Schaffhausen', country: 'CH' },
      { postalCode: '3600', town: 'Thun', country: 'CH' },
      { postalCode: '6300', town: 'Zug', country: 'CH' },
      { postalCode: '2502', town: 'Biel/Bienne', country: 'CH' },
      { postalCode: '78462', town: 'Konstanz', country: 'DE' },
      { postalCode: '79539', town: 'Lörrach', country: 'DE' },
      { postalCode: '6900', town: 'Bregenz', country: 'AT' },
    ],
    streets: [
      'Bahnhofstrasse',
      'Seestrasse',
      'Hauptstrasse',
      'Dorfstrasse',
      'Kirchweg',
      'Industriestrasse',
      'Gewerbestrasse',
      'Rosenweg',
      'Schulhausstrasse',
      'Marktgasse',
      'Spitalgasse',
      'Lindenhofweg',
    ],
    firstNames: ['Anna', 'Lukas', 'Sabine', 'Reto', 'Monika', 'Urs', 'Claudia', 'Beat', 'Nadine', 'Thomas'],
    lastNames: ['Müller', 'Meier', 'Schneider', 'Brunner', 'Keller', 'Huber', 'Steiner', 'Baumann', 'Frei', 'Gerber'],
    companies: ['{name} {trade} AG', '{trade} {name} GmbH', '{name} & Partner AG', '{name} {trade}'],
    trades: ['Holzbau', 'Elektro', 'Sanitär', 'Treuhand', 'Gartenbau', 'Malerei', 'Informatik', 'Metallbau'],
    accountsMailbox: 'buchhaltung',
  },
  {
    language: 'fr',
    towns: [
      { postalCode: '1003', town: 'Lausanne', country: 'CH' },
      { postalCode: '1204', town: 'Genève', country: 'CH' },
      { postalCode: '2000', town: 'Neuchâtel', country: 'CH' },
      { postalCode: '1700', town: 'Fribourg', country: 'CH' },
      { postalCode: '1950', town: 'Sion', country: 'CH' },
      { postalCode: '1400', town: 'Yverdon-les-Bains', country: 'CH' },
      { postalCode: '2300', town: 'La Chaux-de-Fonds', country: 'CH' },
      { postalCode: '1820', town: 'Montreux', country: 'CH' },
      { postalCode: '2800', town: 'Delémont', country: 'CH' },
      { postalCode: '74000', town: 'Annecy', country: 'FR' },
    ],
    streets: [
      'Rue du Lac',
      'Avenue de la Gare',
      'Rue de la Poste',
      'Chemin des Vignes',
      'Route de Lausanne',
      "Rue de l'Industrie",
      'Place du Marché',
      'Rue du Centre',
    ],
    firstNames: ['Julie', 'Nicolas', 'Sophie', 'Laurent', 'Céline', 'Olivier', 'Chantal', 'Pascal'],
    lastNames: ['Rochat', 'Favre', 'Dubois', 'Python', 'Perrin', 'Morel', 'Bonvin', 'Jaquet', 'Vuilleumier'],
    companies: ['{trade} {name} SA', '{name} {trade} Sàrl', '{name} & Fils SA', 'Atelier {name}'],
    trades: ['Menuiserie', 'Électricité', 'Fiduciaire', 'Horlogerie', 'Paysagisme', 'Informatique'],
    accountsMailbox: 'comptabilite',
  },
  {
    language: 'it',
    towns: [
      { postalCode: '6900', town: 'Lugano', country: 'CH' },
      { postalCode: '6500', town: 'Bellinzona', country: 'CH' },
      { postalCode: '6600', town: 'Locarno', country: 'CH' },
      { postalCode: '6830', town: 'Chiasso', country: 'CH' },
      { postalCode: '6850', town: 'Mendrisio', country: 'CH' },
      { postalCode: '6710', town: 'Biasca', country: 'CH' },
      { postalCode: '7742', town: 'Poschiavo', country: 'CH' },
      { postalCode: '22100', town: 'Como', country: 'IT' },
    ],
    streets: ['Via Cantonale', 'Via San Gottardo', 'Via Nassa', 'Piazza Grande', 'Via Motta', 'Via Lugano'],
    firstNames: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Paolo', 'Elena'],
    lastNames: ['Bernasconi', 'Rossi', 'Fontana', 'Galli', 'Pedrazzini', 'Bianchi', 'Cattaneo', 'Ferrari'],
    companies: ['{trade} {name} SA', '{name} {trade} Sagl', 'Fratelli {name} SA'],
    trades: ['Costruzioni', 'Impianti elettrici', 'Fiduciaria', 'Falegnameria', 'Informatica'],
    accountsMailbox: 'contabilita',
  },
  {
    language: 'en',
    towns: [
      { postalCode: '6300', town: 'Zug', country: 'CH' },
      { postalCode: '4052', town: 'Basel', country: 'CH' },
      { postalCode: '1202', town: 'Genève', country: 'CH' },
      { postalCode: '8002', town: 'Zürich', country: 'CH' },
      { postalCode: '6340', town: 'Baar', country: 'CH' },
    ],
    streets: ['Baarerstrasse', 'Aeschenvorstadt', 'Rue de Lausanne', 'Dreikönigstrasse', 'Zugerstrasse'],
    firstNames: ['Emma', 'James', 'Olivia', 'Daniel', 'Sarah', 'Michael'],
    lastNames: ['Smith', 'Walker', 'Patel', 'Johnson', 'Clarke', 'Evans'],
    companies: ['{name} {trade} Ltd', '{trade} {name} AG', '{name} Consulting GmbH'],
    trades: ['Analytics', 'Software', 'Logistics', 'Biotech', 'Advisory'],
    accountsMailbox: 'accounts',
  },
];

/**
 * Mail providers whose addresses many private customers share, so several customers have the same domain.
 * Every demo address uses the reserved `.example` top-level domain: a demo send through a real relay must
 * never reach a real mailbox.
 */
export const PRIVATE_MAIL_DOMAINS = ['bluemail.example', 'swissmail.example', 'postfach.example'] as const;

/** Catalogue of billable items: description per language, unit price range in major units. */
export const CATALOGUE: readonly { text: Record<Language, string>; price: [number, number]; unit: 'h' | 'pc' }[] = [
  {
    text: { de: 'Beratung', fr: 'Conseil', it: 'Consulenza', en: 'Consulting' },
    price: [120, 220],
    unit: 'h',
  },
  {
    text: { de: 'Montagearbeiten', fr: 'Travaux de montage', it: 'Lavori di montaggio', en: 'Installation work' },
    price: [85, 130],
    unit: 'h',
  },
  {
    text: { de: 'Material', fr: 'Matériel', it: 'Materiale', en: 'Materials' },
    price: [15, 480],
    unit: 'pc',
  },
  {
    text: {
      de: 'Softwarewartung (Jahresabo)',
      fr: 'Maintenance logicielle (abonnement annuel)',
      it: 'Manutenzione software (abbonamento annuale)',
      en: 'Software maintenance (annual plan)',
    },
    price: [480, 2400],
    unit: 'pc',
  },
  {
    text: { de: 'Anfahrtspauschale', fr: 'Forfait de déplacement', it: 'Forfait trasferta', en: 'Call-out fee' },
    price: [45, 90],
    unit: 'pc',
  },
  {
    text: { de: 'Projektleitung', fr: 'Gestion de projet', it: 'Gestione del progetto', en: 'Project management' },
    price: [140, 190],
    unit: 'h',
  },
];
