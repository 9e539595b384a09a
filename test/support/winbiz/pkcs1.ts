import crypto from 'node:crypto';

/**
 * Decrypts what WinBIZ's clients send as `winbiz-password`: RSA with PKCS#1 v1.5 padding (RFC 8017, 7.2.2).
 * Node 20 refuses `privateDecrypt` with RSA_PKCS1_PADDING (CVE-2023-46809, the Marvin timing attack), so the
 * stand-in decrypts without padding and checks the padding itself: 0x00 0x02, at least 8 non-zero bytes, 0x00,
 * then the message. A test double needs no constant time. Anything else is undefined, as a wrong key gives.
 */
export function decryptPkcs1v15(privateKey: crypto.KeyObject, base64: string): string | undefined {
  let block: Buffer;
  try {
    block = crypto.privateDecrypt(
      { key: privateKey, padding: crypto.constants.RSA_NO_PADDING },
      Buffer.from(base64, 'base64'),
    );
  } catch {
    return undefined;
  }
  if (block[0] !== 0x00 || block[1] !== 0x02) return undefined;
  const separator = block.indexOf(0x00, 2);
  if (separator < 10) return undefined;
  return block.subarray(separator + 1).toString('utf8');
}
