import { parseCommonParameters } from './async-result';
import { answer, type SimRuntime } from './sim-runtime';

/**
 * A loaded copy of the item's custom properties: get/set/remove work on the copy, saveAsync writes it
 * back, as in Outlook (another runtime, such as the function file, sees the change only after saveAsync).
 */
export function createCustomProperties(runtime: SimRuntime): Office.CustomProperties {
  const copy: Record<string, unknown> = { ...runtime.state.get().customProperties };
  const properties: Pick<Office.CustomProperties, 'get' | 'set' | 'remove' | 'getAll' | 'saveAsync'> = {
    get: (name: string) => copy[name],
    set(name: string, value: unknown) {
      copy[name] = value;
    },
    remove(name: string) {
      delete copy[name];
    },
    getAll: () => ({ ...copy }),
    saveAsync(...rest: unknown[]) {
      // Outlook's legacy signature is (callback, asyncContext); the options form is accepted too.
      const legacy = typeof rest[0] === 'function';
      const { callback, asyncContext } = legacy
        ? { callback: rest[0] as never, asyncContext: rest[1] }
        : parseCommonParameters(rest, false);
      answer<void>(runtime, 'customProperties.saveAsync', callback, asyncContext, () => {
        runtime.state.update({ customProperties: { ...copy } });
        return { value: undefined };
      });
    },
  };
  return properties as Office.CustomProperties;
}
