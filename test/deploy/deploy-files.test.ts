/**
 * The deployment examples in docs/deploy, held to what the bridge needs (tools/deploy-smoke.sh also starts the
 * bridge from the unit's own lines in CI): the command `npm run bridge` runs, never as root, the data where it
 * survives, production mode, and the stop signal the bridge finishes its SMTP conversations on.
 */
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const bridgeScript = packageJson.scripts.bridge!.split(' ');

/** `Key=value` lines of one section of a systemd unit, in order (a key may repeat, as Environment does). */
function unitSection(text: string, section: string): [string, string][] {
  const lines = text.split('\n').map((line) => line.trim());
  const start = lines.indexOf(`[${section}]`);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith('['));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
}

describe('docs/deploy/ledgermail.service', () => {
  const service = unitSection(readFileSync('docs/deploy/ledgermail.service', 'utf8'), 'Service');
  const value = (key: string) => service.find(([k]) => k === key)?.[1];
  const environment = Object.fromEntries(
    service
      .filter(([k]) => k === 'Environment')
      .map(([, v]) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]),
  );

  it('runs the built bridge as `npm run bridge` does, in production, never as root', () => {
    expect(value('ExecStart')?.split(' ').slice(-1)[0]).toBe(`/opt/ledgermail/${bridgeScript[1]}`);
    expect(value('ExecStart')?.split(' ')[0]).toMatch(/\/node$/);
    expect(environment.NODE_ENV).toBe('production');
    expect(value('User')).toBeDefined();
    expect(value('User')).not.toBe('root');
    expect(value('DynamicUser')).toBe('yes');
    expect(value('NoNewPrivileges')).toBe('yes');
  });

  it('keeps its data in its state directory, private, and stops with the signal the bridge drains on', () => {
    expect(environment.DATA_DIR).toBe(`/var/lib/${value('StateDirectory')}`);
    expect(value('StateDirectoryMode')).toBe('0700');
    expect(value('ProtectSystem')).toBe('strict');
    expect(value('KillSignal')).toBe('SIGTERM');
    // The worker lets SMTP conversations finish (2 s grace) before systemd would kill.
    expect(Number(value('TimeoutStopSec'))).toBeGreaterThanOrEqual(10);
    // Secrets come from a file of the admin's, not from the unit (readable by anyone with systemctl cat).
    expect(value('EnvironmentFile')).toBe('/etc/ledgermail/ledgermail.env');
    expect(Object.keys(environment)).not.toContain('SECRETS_KEY');
  });
});

describe('docs/deploy/Containerfile', () => {
  const lines = readFileSync('docs/deploy/Containerfile', 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  const finalStage = lines.slice(
    lines
      .map((l, i) => (l.startsWith('FROM ') ? i : -1))
      .filter((i) => i >= 0)
      .at(-1),
  );
  const instruction = (name: string) =>
    finalStage.filter((line) => line.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
  const env = Object.fromEntries(
    instruction('ENV')
      .flatMap((line) => line.split(' '))
      .map((pair) => pair.split('=') as [string, string]),
  );

  it('builds on Node 20 with the public origin as a build argument, and runs the bridge as `npm run bridge` does', () => {
    expect(lines.filter((line) => line.startsWith('FROM ')).every((line) => line.includes('node:20'))).toBe(true);
    expect(lines).toContain('ARG ADDIN_PUBLIC_URL');
    expect(lines.some((line) => line.includes('npm run build') && line.includes('npm ci --omit=dev'))).toBe(true);
    expect(JSON.parse(instruction('CMD')[0]!)).toEqual(bridgeScript);
    expect(env.NODE_ENV).toBe('production');
  });

  it('runs as an unprivileged user with its data on a volume', () => {
    expect(instruction('USER')).toEqual(['node']);
    expect(instruction('VOLUME')).toEqual([env.DATA_DIR]);
    expect(instruction('EXPOSE')).toEqual([env.PORT]);
  });
});
