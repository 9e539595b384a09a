import { amountDue } from '../../contract/amount-due';
import { Checkbox, Field, Input, makeStyles, Select, Switch, Text, tokens } from '@fluentui/react-components';
import type { DocumentSummary, ReminderLevel } from '../../contract/documents.schemas';
import { LANGUAGES, type Language } from '../../contract/locale';
import { formatMoney } from '../../contract/swiss-format';
import { usePaneServices } from '../pane-context';
import type { BulkStrings } from './bulk-strings';
import type { BulkFilters } from './selection';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  field: { flex: '1 1 8rem' },
  list: { listStyle: 'none', margin: 0, padding: 0, maxHeight: '16rem', overflowY: 'auto' },
});

export type SelectionPanelProps = {
  strings: BulkStrings;
  filters: BulkFilters;
  onFiltersChange: (filters: BulkFilters) => void;
  reminders: DocumentSummary[];
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
};

const optionalNumber = (value: string) =>
  value.trim() === '' || Number.isNaN(Number(value)) ? undefined : Number(value);

/** Filters and the reminders they leave, each with a checkbox, and "select all" over what is shown. */
export function SelectionPanel(props: SelectionPanelProps) {
  const styles = useStyles();
  const { language } = usePaneServices();
  const { strings, filters, onFiltersChange, reminders, selected, onSelectedChange } = props;
  const t = strings.selection;
  const set = (change: Partial<BulkFilters>) => onFiltersChange({ ...filters, ...change });
  const toggleLevel = (level: ReminderLevel, on: boolean) =>
    set({ levels: on ? [...filters.levels, level].sort() : filters.levels.filter((l) => l !== level) });
  const allSelected = reminders.length > 0 && reminders.every((r) => selected.has(r.id));
  const someSelected = reminders.some((r) => selected.has(r.id));

  return (
    <section aria-label={t.heading}>
      <div className={styles.filters} role="group" aria-label={t.levels}>
        {([1, 2, 3] as const).map((level) => (
          <Checkbox
            key={level}
            label={t.level(level)}
            checked={filters.levels.includes(level)}
            onChange={(_, data) => toggleLevel(level, data.checked === true)}
          />
        ))}
        <Switch label={t.notSent} checked={filters.notSent} onChange={(_, data) => set({ notSent: data.checked })} />
      </div>
      <div className={styles.filters}>
        <Field className={styles.field} label={t.overdueDays}>
          <Input
            type="number"
            min={0}
            value={filters.overdueDays === undefined ? '' : String(filters.overdueDays)}
            onChange={(_, data) => set({ overdueDays: optionalNumber(data.value) })}
          />
        </Field>
        <Field className={styles.field} label={t.customer}>
          <Input value={filters.customer} onChange={(_, data) => set({ customer: data.value })} />
        </Field>
        <Field className={styles.field} label={t.amountFrom}>
          <Input type="number" min={0} onChange={(_, data) => set({ amountFrom: optionalNumber(data.value) })} />
        </Field>
        <Field className={styles.field} label={t.amountTo}>
          <Input type="number" min={0} onChange={(_, data) => set({ amountTo: optionalNumber(data.value) })} />
        </Field>
        <Field className={styles.field} label={t.language}>
          <Select
            value={filters.language ?? ''}
            onChange={(_, data) => set({ language: (data.value || undefined) as Language | undefined })}
          >
            <option value="">{t.anyLanguage}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {strings.languageNames[l]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {reminders.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <>
          <Checkbox
            label={t.selectAll}
            checked={allSelected ? true : someSelected ? 'mixed' : false}
            onChange={() => onSelectedChange(allSelected ? new Set() : new Set(reminders.map((r) => r.id)))}
          />
          <ul className={styles.list} aria-label={t.heading}>
            {reminders.map((reminder) => (
              <li key={reminder.id}>
                <Checkbox
                  label={t.reminderLabel(
                    reminder.number,
                    reminder.customer.name,
                    formatMoney(amountDue(reminder), reminder.currency, language),
                  )}
                  checked={selected.has(reminder.id)}
                  onChange={(_, data) => {
                    const next = new Set(selected);
                    if (data.checked === true) next.add(reminder.id);
                    else next.delete(reminder.id);
                    onSelectedChange(next);
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
