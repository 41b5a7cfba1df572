/**
 * Password hashing with scrypt from node:crypto (a memory-hard KDF). Stored as
 * `scrypt$N$r$p$salt$hash` so parameters can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * N * R * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: 128 * Number(n) * Number(r) * 2,
  });
  return timingSafeEqual(key, expected);
}

/** The password every demo account shares; refused anywhere but the demo database. */
export const DEMO_PASSWORD = 'lamtheo-demo';

/** Problems with a new password, as field messages (empty when acceptable). */
export function passwordProblems(password: string, username: string): Array<{ vi: string; en: string }> {
  const problems: Array<{ vi: string; en: string }> = [];
  if (password.length < 10) problems.push({ vi: 'mật khẩu cần ít nhất 10 ký tự', en: 'password needs at least 10 characters' });
  if (password.length > 200) problems.push({ vi: 'mật khẩu dài quá 200 ký tự', en: 'password is longer than 200 characters' });
  if (password.toLowerCase().includes(username.toLowerCase()) && username.length >= 3) {
    problems.push({ vi: 'mật khẩu không được chứa tên đăng nhập', en: 'password must not contain the username' });
  }
  if (password === DEMO_PASSWORD) problems.push({ vi: 'không dùng mật khẩu mặc định của bản demo', en: 'the demo password cannot be used' });
  return problems;
}
