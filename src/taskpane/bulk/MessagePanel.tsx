import { Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { PLACEHOLDERS, type ModeByLevel, type Templates } from '../../contract/batches.schemas';
import { LANGUAGES, type Language } from '../../contract/locale';
import type { SecureMode } from '../../contract/modes';
import type { BulkStrings } from './bulk-strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  field: { flex: '1 1 7rem' },
});

export type MessagePanelProps = {
  strings: BulkStrings;
  templates: Required<Templates>;
  onTemplatesChange: (templates: Required<Templates>) => void;
  modeByLevel: ModeByLevel;
  /** The modes this deployment offers (the bridge's policy): nothing else is listed. */
  modes: readonly SecureMode[];
  onModeByLevelChange: (modes: ModeByLevel) => void;
  editing: Language;
  onEditingChange: (language: Language) => void;
};

/** One template per customer language, and the IncaMail mode for each reminder level. */
export function MessagePanel(props: MessagePanelProps) {
  const styles = useStyles();
  const { strings, templates, editing, modeByLevel } = props;
  const t = strings.template;
  const template = templates[editing];
  const edit = (change: Partial<typeof template>) =>
    props.onTemplatesChange({ ...templates, [editing]: { ...template, ...change } });

  return (
    <section className={styles.panel} aria-label={t.heading}>
      <div className={styles.row}>
        {(['1', '2', '3'] as const).map((level) => (
          <Field key={level} className={styles.field} label={t.modeForLevel(Number(level))}>
            <Select
              value={modeByLevel[level]}
              onChange={(_, data) => props.onModeByLevelChange({ ...modeByLevel, [level]: data.value as SecureMode })}
            >
              {props.modes.map((mode) => (
                <option key={mode} value={mode}>
                  {strings.modeNames[mode]}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Field label={t.language}>
        <Select value={editing} onChange={(_, data) => props.onEditingChange(data.value as Language)}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {strings.languageNames[language]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.subject}>
        <Input value={template.subject} onChange={(_, data) => edit({ subject: data.value })} />
      </Field>
      <Field label={t.body}>
        <Textarea rows={5} resize="vertical" value={template.html} onChange={(_, data) => edit({ html: data.value })} />
      </Field>
      <Text size={200}>{t.placeholders(PLACEHOLDERS.map((name) => `{${name}}`).join(' '))}</Text>
    </section>
  );
}
