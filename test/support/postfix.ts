import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Secret } from '../../src/server/incamail/incamail-config';
import type { SmtpEndpoint } from '../../src/server/incamail/smtp-submission';
import { freePort } from './free-port';
import { loopbackCertificate } from './test-certificate';

const run = promisify(execFile);

export type PostfixInstance = {
  port: number;
  user: string;
  pass: string;
  /** The server certificate (self-signed, for 127.0.0.1 and localhost): the client's only trust anchor. */
  ca: string;
  /** The one Maildir every recipient is delivered to. */
  maildir: string;
  /** Raw messages delivered so far (the Maildir's new/), oldest first; one per recipient. */
  delivered(): Buffer[];
  /** How many messages are in the Maildir, without reading them (for benchmarks). */
  deliveredCount(): number;
  waitForMessages(n: number, timeoutMs: number): Promise<Buffer[]>;
  /** The instance's own mail log, to explain a failure. */
  log(): string;
  stop(): Promise<void>;
};

const INSTALL_HINT =
  'Postfix is needed for this test: apt-get install postfix sasl2-bin libsasl2-modules ' +
  "(noninteractive: echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections)";

/** Debian puts the mail tools in sbin, which a non-login shell may not have on its PATH. */
function findProgram(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/sbin', '/usr/bin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error(`${name} not found. ${INSTALL_HINT}`);
}

/** Resolves once the server greets with 220, i.e. smtpd runs and has its TLS keys and SASL set up. */
async function untilGreeting(port: number, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const greeting = await new Promise<string>((resolve) => {
      const socket = new Socket();
      let text = '';
      socket.setTimeout(1000, () => socket.destroy());
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.includes('\n')) socket.end('QUIT\r\n');
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(text));
      socket.connect(port, '127.0.0.1');
    });
    if (greeting.startsWith('220')) return;
    if (Date.now() > deadline) throw new Error(`Postfix did not greet on port ${port}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every service of the instance, none chrooted: smtpd must reach the sasldb file and the instance's own folders. */
function masterCf(port: number): string {
  const services = [
    `127.0.0.1:${port} inet n - n - - smtpd`,
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'proxywrite unix - - n - 1 proxymap',
    'smtp unix - - n - - smtp',
    'relay unix - - n - - smtp',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'local unix - n n - - local',
    'virtual unix - n n - - virtual',
    'lmtp unix - - n - - lmtp',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
  ];
  return services.join('\n') + '\n';
}

function mainCf(dir: string, owner: { uid: number; gid: number }): string {
  const settings: Record<string, string> = {
    compatibility_level: '3.6',
    queue_directory: path.join(dir, 'queue'),
    data_directory: path.join(dir, 'data'),
    mail_owner: 'postfix',
    myhostname: 'mta.ledgermail.test',
    mydomain: 'ledgermail.test',
    inet_interfaces: '127.0.0.1',
    inet_protocols: 'ipv4',
    mynetworks: '127.0.0.1/32',
    // No systemd, no syslog socket: the instance logs to its own file through postlogd.
    maillog_file: path.join(dir, 'maillog'),
    maillog_file_prefixes: dir,
    // Nothing may leave the machine: no local users, no relaying, and any other route ends in an error.
    mydestination: '',
    local_recipient_maps: '',
    relay_domains: '',
    alias_maps: '',
    alias_database: '',
    default_transport: 'error:this test MTA delivers nothing off the machine',
    relay_transport: 'error:this test MTA delivers nothing off the machine',
    smtp_dns_support_level: 'disabled',
    smtpd_peername_lookup: 'no',
    biff: 'no',
    // Every domain is a virtual mailbox domain and every address maps to one Maildir (trailing slash).
    virtual_mailbox_domains: 'static:all',
    virtual_mailbox_base: path.join(dir, 'mailbox'),
    virtual_mailbox_maps: 'static:Maildir/',
    virtual_uid_maps: `static:${owner.uid}`,
    virtual_gid_maps: `static:${owner.gid}`,
    virtual_minimum_uid: String(owner.uid),
    // IncaMail's 30 MB limit, so a test sees a real MTA's size refusal where it matters.
    message_size_limit: String(30 * 1024 * 1024),
    virtual_mailbox_limit: '0',
    // Postfix drops Bcc headers by default; keeping them lets a Bcc the relay wrongly wrote show up in the Maildir.
    message_drop_headers: 'content-length, return-path',
    smtpd_tls_cert_file: path.join(dir, 'tls', 'cert.pem'),
    smtpd_tls_key_file: path.join(dir, 'tls', 'key.pem'),
    // STARTTLS before anything else, and AUTH only inside TLS, as IncaMail's submission requires.
    smtpd_tls_security_level: 'encrypt',
    smtpd_tls_auth_only: 'yes',
    smtpd_sasl_auth_enable: 'yes',
    smtpd_sasl_type: 'cyrus',
    smtpd_sasl_path: 'smtpd',
    // Debian's smtpd reads <config_directory>/sasl/smtpd.conf whatever this says; set alike for other builds.
    cyrus_sasl_config_path: path.join(dir, 'config', 'sasl'),
    smtpd_sasl_local_domain: 'ledgermail.test',
    smtpd_sasl_security_options: 'noanonymous',
    // The Received header then names the login and the TLS session, which is what a test checks.
    smtpd_sasl_authenticated_header: 'yes',
    smtpd_tls_received_header: 'yes',
    // Only a logged-in client may submit, even to the "local" virtual domains.
    smtpd_relay_restrictions: 'permit_sasl_authenticated, reject',
    smtpd_recipient_restrictions: 'permit_sasl_authenticated, reject',
  };
  return Object.entries(settings)
    .map(([name, value]) => `${name} = ${value}`)
    .join('\n')
    .concat('\n');
}

/** The relay's endpoint for this instance, as production configures IncaMail's: STARTTLS required, AUTH, its CA. */
export function postfixEndpoint(postfix: PostfixInstance, overrides: Partial<SmtpEndpoint> = {}): SmtpEndpoint {
  return {
    host: '127.0.0.1',
    port: postfix.port,
    secure: false,
    requireTLS: true,
    auth: { user: postfix.user, pass: new Secret(postfix.pass) },
    ca: postfix.ca,
    ...overrides,
  };
}

/**
 * Debian's Postfix as a private instance on a spare loopback port: its own configuration, queue and data folders
 * under a temporary folder, STARTTLS with a self-signed certificate, SASL PLAIN/LOGIN from a cyrus sasldb, and
 * every recipient of every domain delivered to one Maildir. The master runs as root (Postfix requires it) and
 * drops to the `postfix` user for its services.
 */
export async function startPostfix(): Promise<PostfixInstance> {
  const postfix = findProgram('postfix');
  const postconf = findProgram('postconf');
  const saslpasswd2 = findProgram('saslpasswd2');
  if (process.getuid?.() !== 0)
    throw new Error('Postfix must be started as root (its master binds and drops to postfix)');
  const owner = {
    uid: Number(execFileSync('id', ['-u', 'postfix'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postfix'], { encoding: 'utf8' }).trim()),
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-postfix-'));
  // The postfix user walks into the queue, the sasldb and the Maildir below it.
  chmodSync(dir, 0o755);
  const config = path.join(dir, 'config');
  const maildir = path.join(dir, 'mailbox', 'Maildir');
  const logFile = path.join(dir, 'maillog');
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '(no mail log)';
    }
  };
  let master: number | undefined;

  const stop = async () => {
    await run(postfix, ['-c', config, 'stop']).catch(() => undefined);
    if (master !== undefined) {
      const deadline = Date.now() + 5000;
      while (isRunning(master) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      if (isRunning(master)) process.kill(master, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const sub of ['config', 'config/sasl', 'queue', 'data', 'tls', 'mailbox']) mkdirSync(path.join(dir, sub));
    for (const sub of ['data', 'mailbox']) chownSync(path.join(dir, sub), owner.uid, owner.gid);
    const { cert, key } = await loopbackCertificate();
    writeFileSync(path.join(dir, 'tls', 'cert.pem'), cert);
    writeFileSync(path.join(dir, 'tls', 'key.pem'), key, { mode: 0o600 });

    const user = 'relay';
    const pass = randomBytes(12).toString('base64url');
    const sasldb = path.join(config, 'sasl', 'sasldb2');
    writeFileSync(
      path.join(config, 'sasl', 'smtpd.conf'),
      `pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: ${sasldb}\n`,
    );
    execFileSync(saslpasswd2, ['-f', sasldb, '-c', '-p', '-u', 'ledgermail.test', user], { input: pass });
    // smtpd reads the sasldb as the postfix user at each login.
    chownSync(sasldb, owner.uid, owner.gid);

    const port = await freePort();
    writeFileSync(path.join(config, 'main.cf'), mainCf(dir, owner));
    writeFileSync(path.join(config, 'master.cf'), masterCf(port));
    await run(postconf, ['-c', config, 'mail_version']);
    await run(postfix, ['-c', config, 'start']);
    master = Number(readFileSync(path.join(dir, 'queue', 'pid', 'master.pid'), 'utf8').trim());
    await untilGreeting(port, 10_000, log);

    const newDir = path.join(maildir, 'new');
    const files = () => {
      try {
        return readdirSync(newDir).sort();
      } catch {
        return []; // virtual(8) creates the Maildir with the first delivery
      }
    };
    const delivered = () => files().map((file) => readFileSync(path.join(newDir, file)));
    return {
      port,
      user,
      pass,
      ca: cert,
      maildir,
      delivered,
      deliveredCount: () => files().length,
      async waitForMessages(n, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        while (files().length < n) {
          if (Date.now() > deadline) {
            throw new Error(`only ${files().length} of ${n} messages reached the Maildir:\n${log().slice(-4000)}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return delivered();
      },
      log,
      stop,
    };
  } catch (error) {
    const detail = log();
    await stop();
    if (error instanceof Error && detail !== '(no mail log)') error.message += `\n${detail.slice(-4000)}`;
    throw error;
  }
}
