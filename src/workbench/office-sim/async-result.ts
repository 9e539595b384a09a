import { OfficeArgumentError, OUTLOOK_ERRORS, type OutlookErrorName } from './office-errors';
import { AsyncResultStatus } from './office-enums';

export type Callback<T> = (result: Office.AsyncResult<T>) => void;

export type CommonParameters = {
  options: Record<string, unknown> | undefined;
  callback: Callback<unknown> | undefined;
  asyncContext: unknown;
};

/**
 * Reads the trailing `[options], [callback]` arguments the way Outlook's CommonParameters.parse does:
 * one argument is a callback or an options object, two are options then callback; `asyncContext` comes from
 * the options. Anything else throws synchronously, as in Outlook.
 */
export function parseCommonParameters(args: readonly unknown[], callbackRequired: boolean): CommonParameters {
  let options: Record<string, unknown> | undefined;
  let callback: Callback<unknown> | undefined;
  if (args.length === 1) {
    if (typeof args[0] === 'function') callback = args[0] as Callback<unknown>;
    else if (isObject(args[0])) options = args[0];
    else throw new OfficeArgumentError('Sys.ArgumentException', 'options', 'Argument type mismatch.');
  } else if (args.length === 2) {
    if (!isObject(args[0])) throw new OfficeArgumentError('Sys.ArgumentException', 'options');
    if (typeof args[1] !== 'function') throw new OfficeArgumentError('Sys.ArgumentException', 'callback');
    options = args[0];
    callback = args[1] as Callback<unknown>;
  } else if (args.length > 2) {
    throw new OfficeArgumentError(
      'Sys.ArgumentException',
      'args',
      'The given parameters do not match the expected format.',
    );
  }
  if (callbackRequired && !callback) throw new OfficeArgumentError('Sys.ArgumentNullException', 'callback');
  return { options, callback, asyncContext: options?.asyncContext };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function succeeded<T>(value: T, asyncContext: unknown): Office.AsyncResult<T> {
  return {
    status: AsyncResultStatus.Succeeded,
    value,
    asyncContext,
    error: undefined as unknown as Office.Error,
    diagnostics: undefined,
  };
}

export function failed<T>(errorName: OutlookErrorName, asyncContext: unknown): Office.AsyncResult<T> {
  const { code, name, message } = OUTLOOK_ERRORS[errorName];
  return {
    status: AsyncResultStatus.Failed,
    value: undefined as T,
    asyncContext,
    error: { code, name, message },
    diagnostics: undefined,
  };
}

/**
 * Outlook answers through its host bridge, so a callback never runs inside the call that asked for it.
 * The simulator keeps that promise with a timer (plus an optional latency), which catches code that
 * reads a value before the callback ran.
 */
export function deliver<T>(callback: Callback<T> | undefined, result: Office.AsyncResult<T>, latencyMs = 0): void {
  setTimeout(() => callback?.(result), latencyMs);
}
