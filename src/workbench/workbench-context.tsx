import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CommandRun, ComposeSnapshot, HostSettings, SimulatedOffice } from './office-sim';

export const WorkbenchContext = createContext<SimulatedOffice | null>(null);

export function useSimulatedOffice(): SimulatedOffice {
  const sim = useContext(WorkbenchContext);
  if (!sim) throw new Error('WorkbenchContext is missing');
  return sim;
}

export function useCompose(): ComposeSnapshot {
  const { state } = useSimulatedOffice();
  return useSyncExternalStore(state.subscribe, state.get);
}

export function useHostSettings(): HostSettings {
  const { host } = useSimulatedOffice();
  return useSyncExternalStore(host.subscribeSettings, host.settings);
}

export function useCommandRuns(): readonly CommandRun[] {
  const { host } = useSimulatedOffice();
  return useSyncExternalStore(host.commands.subscribe, host.commands.getRuns);
}
