import { useEffect, useState } from 'react';
import type { SendAttempt } from '../../contract/item-state';
import { lookUpEarlierSend, type EarlierSend } from '../../services/earlier-send';
import { createSendsClient } from '../../services/sends-client';
import type { PaneServices } from '../pane-context';

/** What the pane knows of the draft's last send: the bridge's answer, or why it could not be asked. */
export type EarlierSendView = { attempt: SendAttempt } & ({ earlier: EarlierSend } | { failure: unknown });

/** While a send is on its way the pane asks again, soon at first, then every 15 s at the most. */
const FIRST_RECHECK_MS = 1_000;
const LONGEST_RECHECK_MS = 15_000;

/**
 * When the pane opens on a draft the Registered / Confidential command had started to send (and may have
 * been interrupted: a reload, a closed window, a crash), asks the bridge by the send's key what became of it,
 * and asks again while it is still on its way. Sends nothing; null while there is nothing to say.
 */
export function useEarlierSend({ bridge, item }: Pick<PaneServices, 'bridge' | 'item'>): EarlierSendView | null {
  const [view, setView] = useState<EarlierSendView | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pause = (ms: number) => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    const sends = createSendsClient(bridge);

    async function follow() {
      // A draft whose state cannot be read is treated as one nothing was sent from: the command asks anyway.
      const attempt = (await item.loadSendState().catch(() => undefined))?.attempt;
      for (let round = 0; attempt && !stopped; round++) {
        let earlier: EarlierSend;
        try {
          earlier = await lookUpEarlierSend(sends, attempt, Date.now());
        } catch (failure) {
          if (!stopped) setView({ attempt, failure });
          return;
        }
        if (stopped) return;
        setView({ attempt, earlier });
        if (earlier.outcome !== 'sending' && earlier.outcome !== 'not-received-yet') return;
        await pause(Math.min(FIRST_RECHECK_MS * 2 ** round, LONGEST_RECHECK_MS));
      }
    }
    void follow();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [bridge, item]);

  return view;
}
