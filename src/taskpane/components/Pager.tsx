import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { usePaneServices } from '../pane-context';

const useStyles = makeStyles({
  pager: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    paddingTop: tokens.spacingVerticalS,
  },
});

export type PagerProps = {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

/**
 * Pages of at most 50 rows keep the pane fast with thousands of documents: the DOM never holds more than a
 * page, and the bridge pages with a cursor, so the next page costs the same as the first.
 */
export function Pager({ page, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  const styles = useStyles();
  const { strings } = usePaneServices();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className={styles.pager} aria-label={strings.all.heading}>
      <Button size="small" icon={<ChevronLeftRegular />} disabled={!hasPrevious} onClick={onPrevious}>
        {strings.all.previous}
      </Button>
      <Text aria-live="polite">{strings.all.page(page)}</Text>
      <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" disabled={!hasNext} onClick={onNext}>
        {strings.all.next}
      </Button>
    </nav>
  );
}
