import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { DocumentKind, DocumentStatus, ReminderLevel } from '../../contract/documents.schemas';
import { usePaneServices } from '../pane-context';
import { FILTER_LEVELS, FILTER_STATUSES, OVERDUE_DAY_CHOICES, type DocumentFilters } from './filter-state';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  field: { flex: '1 1 8rem' },
});

export type FiltersProps = { kind: DocumentKind; value: DocumentFilters; onChange: (value: DocumentFilters) => void };

/** Status, reminder level and overdue age. Loaded only when the user opens the filters. */
export default function Filters({ kind, value, onChange }: FiltersProps) {
  const styles = useStyles();
  const { strings } = usePaneServices();
  const t = strings.filters;
  return (
    <div className={styles.filters} role="group" aria-label={t.show}>
      <Field className={styles.field} label={t.status}>
        <Select
          value={value.status ?? ''}
          onChange={(_, data) =>
            onChange({ ...value, status: (data.value || undefined) as DocumentStatus | undefined })
          }
        >
          <option value="">{t.anyStatus}</option>
          {FILTER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {strings.status[status]}
            </option>
          ))}
        </Select>
      </Field>
      {kind === 'reminder' && (
        <Field className={styles.field} label={t.level}>
          <Select
            value={value.level ? String(value.level) : ''}
            onChange={(_, data) =>
              onChange({ ...value, level: data.value ? (Number(data.value) as ReminderLevel) : undefined })
            }
          >
            <option value="">{t.anyLevel}</option>
            {FILTER_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t.levelOption(level)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field className={styles.field} label={t.overdueSince}>
        <Select
          value={value.overdueDays === undefined ? '' : String(value.overdueDays)}
          onChange={(_, data) => onChange({ ...value, overdueDays: data.value ? Number(data.value) : undefined })}
        >
          <option value="">{t.anyTime}</option>
          {OVERDUE_DAY_CHOICES.map((days) => (
            <option key={days} value={days}>
              {t.overdueDays(days)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
