import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { DocumentCount } from '../../contract/documents.schemas';
import { usePaneServices } from '../pane-context';

const useStyles = makeStyles({
  pager: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
  },
  button: { flexShrink: 0 },
  range: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
});

export type PagerProps = {
  /** The documents this page shows, counted from 1; undefined while the page loads. */
  range: { first: number; last: number } | undefined;
  /** How many the query matches; undefined until the bridge has counted them. */
  total: DocumentCount | undefined;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

/**
 * Pages of at most 50 rows keep the pane fast with thousands of documents: the DOM never holds more than a
 * page, and the bridge pages with a cursor, so the next page costs the same as the first.
 * The buttons show only their arrows: with their words ("Pagina precedente", "Pagina successiva") and the
 * range between them the pager wrapped at the pane's 360 pixels. Their names stay, for the screen reader and
 * as the tooltip.
 */
export function Pager({ range, total, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  const styles = useStyles();
  const { strings } = usePaneServices();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className={styles.pager} aria-label={strings.all.heading}>
      <PagerButton
        label={strings.all.previous}
        icon={<ChevronLeftRegular />}
        enabled={hasPrevious}
        onClick={onPrevious}
      />
      <Text className={styles.range} aria-live="polite">
        {range ? strings.all.range(range.first, range.last, total) : null}
      </Text>
      <PagerButton label={strings.all.next} icon={<ChevronRightRegular />} enabled={hasNext} onClick={onNext} />
    </nav>
  );
}

/** An arrow alone on the button; its name is the accessible name and the tooltip alike. */
function PagerButton(props: { label: string; icon: ReactElement; enabled: boolean; onClick: () => void }) {
  const styles = useStyles();
  return (
    <Button
      className={styles.button}
      size="small"
      icon={props.icon}
      aria-label={props.label}
      title={props.label}
      disabled={!props.enabled}
      onClick={props.onClick}
    />
  );
}
