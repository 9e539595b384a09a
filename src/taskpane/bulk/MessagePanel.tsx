import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef } from 'react';
import {
  LEVEL_KEYS,
  PLACEHOLDERS,
  type Grouping,
  type LevelKey,
  type MessageTemplate,
  type ModeByLevel,
  type TemplateDefaults,
  type Templates,
} from '../../contract/batches.schemas';
import { LANGUAGES, type Language } from '../../contract/locale';
import type { SecureMode } from '../../contract/modes';
import { placeholderValues, renderTemplate, type MessageFacts } from '../../contract/reminder-message';
import type { BulkStrings } from './bulk-strings';
import type { RunStrings } from './run-strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  field: { flex: '1 1 7rem', minWidth: 0 },
  // A native select is as wide as its longest option ("3° e ultimo sollecito"): let it shrink to the pane.
  select: { minWidth: 0, maxWidth: '100%' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  live: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalS,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '16rem',
    overflowY: 'auto',
  },
  liveText: { whiteSpace: 'pre-wrap' },
});

export type Editing = { language: Language; level: LevelKey };

export type MessagePanelProps = {
  strings: BulkStrings;
  run: RunStrings;
  defaults: TemplateDefaults;
  /** The run's own wording, by language and level; the rest is the bridge's. */
  templates: Templates;
  onTemplatesChange: (templates: Templates) => void;
  grouping: Grouping;
  onGroupingChange: (grouping: Grouping) => void;
  modeByLevel: ModeByLevel;
  /** The modes this deployment offers (the bridge's policy): nothing else is listed. */
  modes: readonly SecureMode[];
  onModeByLevelChange: (modes: ModeByLevel) => void;
  editing: Editing;
  onEditingChange: (editing: Editing) => void;
  /** A selected reminder in the language being edited, for the live preview. */
  sample: MessageFacts | undefined;
};

/** How the run sends, the mode of each level, and the message per language and level, with a live preview. */
export function MessagePanel(props: MessagePanelProps) {
  const styles = useStyles();
  const { strings, run, templates, editing, modeByLevel } = props;
  const t = strings.template;
  const body = useRef<HTMLTextAreaElement>(null);
  const own = templates[editing.language]?.[editing.level];
  const template = own ?? props.defaults.templates[editing.language][editing.level];
  const edit = (change: Partial<MessageTemplate> | undefined) => {
    const levels = { ...templates[editing.language] };
    if (change === undefined) delete levels[editing.level];
    else levels[editing.level] = { ...template, ...change };
    props.onTemplatesChange({ ...templates, [editing.language]: levels });
  };
  const insert = (name: string) => {
    const area = body.current;
    const at = area?.selectionStart ?? template.body.length;
    const to = area?.selectionEnd ?? at;
    const token = `{${name}}`;
    edit({ body: template.body.slice(0, at) + token + template.body.slice(to) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const live = props.sample && renderTemplate(template, placeholderValues(props.sample));

  return (
    <section className={styles.panel} aria-label={t.heading}>
      <Field label={run.grouping.label}>
        <RadioGroup value={props.grouping} onChange={(_, data) => props.onGroupingChange(data.value as Grouping)}>
          <Radio value="per-customer" label={run.grouping.perCustomer} />
          <Radio value="per-reminder" label={run.grouping.perReminder} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        {LEVEL_KEYS.map((level) => (
          <Field key={level} className={styles.field} label={t.modeForLevel(Number(level))}>
            <Select
              className={styles.select}
              select={{ style: { minWidth: 0, width: '100%' } }}
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
      <div className={styles.row}>
        <Field className={styles.field} label={t.language}>
          <Select
            className={styles.select}
            select={{ style: { minWidth: 0, width: '100%' } }}
            value={editing.language}
            onChange={(_, data) => props.onEditingChange({ ...editing, language: data.value as Language })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {strings.languageNames[language]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label={run.editor.level}>
          <Select
            className={styles.select}
            select={{ style: { minWidth: 0, width: '100%' } }}
            value={editing.level}
            onChange={(_, data) => props.onEditingChange({ ...editing, level: data.value as LevelKey })}
          >
            {LEVEL_KEYS.map((level) => (
              <option key={level} value={level}>
                {run.editor.levelName[level]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t.subject}>
        <Input value={template.subject} onChange={(_, data) => edit({ subject: data.value })} />
      </Field>
      <Field label={run.editor.body}>
        <Textarea
          ref={body}
          rows={8}
          resize="vertical"
          value={template.body}
          onChange={(_, data) => edit({ body: data.value })}
        />
      </Field>
      <div role="group" aria-label={run.editor.insert} className={styles.chips}>
        {PLACEHOLDERS.map((name) => (
          <Button
            key={name}
            size="small"
            shape="circular"
            title={run.editor.placeholders[name]}
            aria-label={`${run.editor.placeholders[name]} ({${name}})`}
            onClick={() => insert(name)}
          >
            {`{${name}}`}
          </Button>
        ))}
      </div>
      {own && (
        <div className={styles.row}>
          <Text size={200}>{run.editor.edited}</Text>
          <Button size="small" onClick={() => edit(undefined)}>
            {run.editor.reset}
          </Button>
        </div>
      )}
      <Text weight="semibold">{run.editor.livePreview}</Text>
      {live ? (
        <div className={styles.live} role="document" aria-label={run.editor.livePreview}>
          <Text weight="semibold" block>
            {live.subject}
          </Text>
          <Text block className={styles.liveText}>
            {live.text}
          </Text>
        </div>
      ) : (
        <Text size={200}>{run.editor.noSample(strings.languageNames[editing.language])}</Text>
      )}
    </section>
  );
}
