import type { FileDanger } from '../contract/file-rule';
import type { Language } from '../contract/locale';

/**
 * Why a file may not go, in the user's language, short enough that the notification (150 characters) keeps
 * the file's name and the reason together.
 */
export type RefusedFile = { name: string; danger: FileDanger };

export const fileDangerText: Record<Language, (file: RefusedFile) => string> = {
  en: ({ name, danger: d }) =>
    d.danger === 'name'
      ? `${name} (.${d.extension} files can run programs)`
      : d.danger === 'content-type'
        ? `${name} (typed as a program)`
        : d.danger === 'content'
          ? `${name} (${d.content === 'page' ? 'is a web page' : d.content === 'script' ? 'is a script' : 'is a program'})`
          : d.danger === 'archive-member'
            ? `${name} (contains ${d.member})`
            : `${name} (archive cannot be checked)`,
  de: ({ name, danger: d }) =>
    d.danger === 'name'
      ? `${name} (.${d.extension}-Dateien können Programme starten)`
      : d.danger === 'content-type'
        ? `${name} (als Programm ausgewiesen)`
        : d.danger === 'content'
          ? `${name} (${d.content === 'page' ? 'ist eine Webseite' : d.content === 'script' ? 'ist ein Skript' : 'ist ein Programm'})`
          : d.danger === 'archive-member'
            ? `${name} (enthält ${d.member})`
            : `${name} (Archiv nicht prüfbar)`,
  fr: ({ name, danger: d }) =>
    d.danger === 'name'
      ? `${name} (les fichiers .${d.extension} peuvent lancer des programmes)`
      : d.danger === 'content-type'
        ? `${name} (déclaré comme programme)`
        : d.danger === 'content'
          ? `${name} (${d.content === 'page' ? 'est une page web' : d.content === 'script' ? 'est un script' : 'est un programme'})`
          : d.danger === 'archive-member'
            ? `${name} (contient ${d.member})`
            : `${name} (archive impossible à vérifier)`,
  it: ({ name, danger: d }) =>
    d.danger === 'name'
      ? `${name} (i file .${d.extension} possono avviare programmi)`
      : d.danger === 'content-type'
        ? `${name} (dichiarato come programma)`
        : d.danger === 'content'
          ? `${name} (${d.content === 'page' ? 'è una pagina web' : d.content === 'script' ? 'è uno script' : 'è un programma'})`
          : d.danger === 'archive-member'
            ? `${name} (contiene ${d.member})`
            : `${name} (archivio non verificabile)`,
};
