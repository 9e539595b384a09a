import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../test/support/free-port';
import { localBridgeEnv } from '../../test/support/local-bridge-env';
import { useTempDir } from '../../test/support/temp-dir';

/** Starts the bridge as `npm run bridge` would (from its sources), and collects its output until it listens. */
async function startupOutput(dataDir: string, env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...localBridgeEnv(port, dataDir),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 30_000;
    // pino-pretty writes from its own thread: wait for the ledger's line as well as the banner.
    while (!(output.includes('LedgerMail bridge is running') && output.includes('Seeded the built-in ledger'))) {
      if (child.exitCode !== null) throw new Error(`the bridge exited: ${output}`);
      if (Date.now() > deadline) throw new Error(`the bridge did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return output;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

describe('the log format', () => {
  const tempDir = useTempDir();

  it('logs JSON lines by default, and lines for a person with LOG_FORMAT=pretty', async () => {
    const dir = tempDir();
    const json = await startupOutput(path.join(dir, 'json'), {});
    const seeded = json.split('\n').find((line) => line.includes('Seeded the built-in ledger'))!;
    expect(JSON.parse(seeded)).toMatchObject({ level: 30, msg: expect.stringContaining('Seeded the built-in ledger') });

    const pretty = await startupOutput(path.join(dir, 'pretty'), { LOG_FORMAT: 'pretty' });
    const line = pretty.split('\n').find((l) => l.includes('Seeded the built-in ledger'))!;
    expect(line).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] .*INFO.*: Seeded the built-in ledger/);
    expect(pretty).not.toMatch(/^\{"level"/m);
  }, 60_000);
});
