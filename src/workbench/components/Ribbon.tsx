import { readComposeRibbon, type RibbonButton, type RibbonGroup } from '../manifest-ribbon';
import { waitForAssociation } from '../function-file';
import type { ManifestState } from '../use-manifest';
import { useHostSettings, useSimulatedOffice } from '../workbench-context';

type RibbonProps = { manifest: ManifestState; paneOpen: boolean; onTogglePane(): void };

/** The LedgerMail group of the compose ribbon, rendered from the manifest the bridge serves. */
export function Ribbon({ manifest, paneOpen, onTogglePane }: RibbonProps) {
  const { host } = useSimulatedOffice();
  const { displayLanguage } = useHostSettings();

  if (manifest.status === 'failed') return <p role="alert">The ribbon cannot be shown: {manifest.problem}</p>;
  if (manifest.status === 'loading') return <p>Reading manifest.xml…</p>;
  let group: RibbonGroup;
  try {
    group = readComposeRibbon(manifest.doc, displayLanguage);
  } catch (error) {
    return <p role="alert">The ribbon cannot be read from manifest.xml: {(error as Error).message}</p>;
  }

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
