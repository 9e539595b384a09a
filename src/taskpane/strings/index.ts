import type { Language } from '../../contract/locale';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { it } from './it';
import type { PaneStrings } from './pane-strings';

export type { PaneStrings } from './pane-strings';

/** Every text of the task pane, one file per language; index.tsx picks Office's display language. */
export const paneStrings: Record<Language, PaneStrings> = { en, de, fr, it };
