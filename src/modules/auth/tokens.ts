import { createHash, randomBytes } from 'node:crypto';

/** Opaque random secret for cookies and API tokens; only its SHA-256 is stored. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** API tokens read `lt_<prefix>_<secret>`: the prefix lets people tell tokens apart in lists. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const token = `lt_${prefix}_${newSecret(32)}`;
  return { token, prefix, hash: sha256(token) };
}
