/**
 * The environment of a bridge process started on this machine by a test or a bench: development, plain HTTP on
 * loopback, on its own port and data directory. Callers add their own settings on top.
 */
export function localBridgeEnv(port: number, dataDir: string): Record<string, string> {
  return { NODE_ENV: 'development', TLS: 'off', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir };
}
