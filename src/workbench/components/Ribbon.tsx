import { useEffect, useState } from 'react';
import { readComposeRibbon, type RibbonButton, type RibbonGroup } from '../manifest-ribbon';
import { useHostSettings, useSimulatedOffice } from '../workbench-context';

type RibbonProps = { paneOpen: boolean; onTogglePane(): void };

/** How long a click waits for the function file to associate its functions (it loads in a hidden frame). */
const ASSOCIATE_WAIT_MS = 10_000;

async function waitForAssociation(names: () => string[], functionName: string): Promise<boolean> {
  const deadline = Date.now() + ASSOCIATE_WAIT_MS;
  while (!names().includes(functionName)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** The LedgerMail group of the compose ribbon, rendered from the manifest the bridge serves. */
export function Ribbon({ paneOpen, onTogglePane }: RibbonProps) {
  const { host } = useSimulatedOffice();
  const { displayLanguage } = useHostSettings();
  const [manifest, setManifest] = useState<Document | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    fetch('/manifest.xml', { signal: AbortSignal.timeout(5000) })
      .then((response) => {
        if (!response.ok) throw new Error(`GET /manifest.xml answered HTTP ${response.status}`);
        return response.text();
      })
      .then((xml) => setManifest(new DOMParser().parseFromString(xml, 'application/xml')))
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, []);

  let group: RibbonGroup | null = null;
  if (manifest && !problem) {
    try {
      group = readComposeRibbon(manifest, displayLanguage);
    } catch (error) {
      return <p role="alert">The ribbon cannot be read from manifest.xml: {(error as Error).message}</p>;
    }
  }
  if (problem) return <p role="alert">The ribbon cannot be shown: {problem}</p>;
  if (!group) return <p>Reading manifest.xml…</p>;

  const click = async (button: RibbonButton) => {
    if (button.action.type === 'ShowTaskpane') return onTogglePane();
    const { functionName } = button.action;
    await waitForAssociation(host.commands.associatedNames, functionName);
    await host.runFunction(functionName, button.id);
  };

  return (
    <div className="ribbon" role="toolbar" aria-label={`${group.label} ribbon group`}>
      {group.buttons.map((button) => (
        <button
          key={button.id}
          type="button"
          className="ribbon-button"
          title={button.tooltip}
          data-control-id={button.id}
          data-function-name={button.action.type === 'ExecuteFunction' ? button.action.functionName : undefined}
          aria-pressed={button.action.type === 'ShowTaskpane' ? paneOpen : undefined}
          onClick={() => void click(button)}
        >
          <img src={button.iconPath} alt="" width={32} height={32} />
          <span>{button.label}</span>
        </button>
      ))}
      <span className="ribbon-group-label">{group.label}</span>
    </div>
  );
}
