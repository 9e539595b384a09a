import { useEffect, useState } from 'react';

/** The manifest the bridge serves, read once: the ribbon and the Send button's Smart Alert come from it. */
export type ManifestState =
  { status: 'loading' } | { status: 'failed'; problem: string } | { status: 'ready'; doc: Document };

export function useManifest(): ManifestState {
  const [state, setState] = useState<ManifestState>({ status: 'loading' });
  useEffect(() => {
    fetch('/manifest.xml', { signal: AbortSignal.timeout(5000) })
      .then((response) => {
        if (!response.ok) throw new Error(`GET /manifest.xml answered HTTP ${response.status}`);
        return response.text();
      })
      .then((xml) => setState({ status: 'ready', doc: new DOMParser().parseFromString(xml, 'application/xml') }))
      .catch((error: unknown) =>
        setState({ status: 'failed', problem: error instanceof Error ? error.message : String(error) }),
      );
  }, []);
  return state;
}
