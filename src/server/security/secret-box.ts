import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../contract/errors.js';

/**
 * Encrypts secrets at rest (SMTP and connector credentials in the database) with AES-256-GCM under a key
 * from the environment (`SECRETS_KEY`, 32 bytes in base64). Format: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 * The version prefix leaves room to rotate keys or algorithms later.
 */
export type SecretBox = { seal: (plaintext: string) => string; open: (sealed: string) => string };

export function parseSecretsKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('SECRETS_KEY must be 32 random bytes in base64 (openssl rand -base64 32)');
  return key;
}

export function createSecretBox(key: Buffer): SecretBox {
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) {
        throw new AppError('internal', 'A stored secret has an unknown format.');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        throw new AppError(
          'internal',
          'A stored secret cannot be decrypted: is SECRETS_KEY the one it was stored with?',
          {
            cause: error,
          },
        );
      }
    },
  };
}
