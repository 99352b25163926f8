import { randomFillSync, timingSafeEqual } from 'node:crypto';

/** The characters of secrets and tokens: ASCII letters and digits, as Django's. */
export const CSRF_ALLOWED_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Length of the secret the cookie holds. */
export const CSRF_SECRET_LENGTH = 32;
/** Length of a masked token: a mask, then the secret ciphered with it. */
export const CSRF_TOKEN_LENGTH = 2 * CSRF_SECRET_LENGTH;

const CHARS = CSRF_ALLOWED_CHARS.length;
/** Random bytes below this are used (62 × 4): the rest would make some characters likelier. */
const UNBIASED_LIMIT = CHARS * Math.floor(256 / CHARS);
const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARS; i++) INDEX[CSRF_ALLOWED_CHARS.charCodeAt(i)] = i;

/**
 * Random bytes drawn in batches: one `randomFillSync()` serves about 25 tokens (each byte
 * is used once), as Node's `randomUUID()` batches its entropy.
 */
const pool = Buffer.alloc(1024);
let poolIndex = pool.length;

/** A new random string of `length` allowed characters, each equally likely. */
export function randomString(length: number = CSRF_SECRET_LENGTH): string {
  let out = '';
  while (out.length < length) {
    if (poolIndex === pool.length) {
      randomFillSync(pool);
      poolIndex = 0;
    }
    const byte = pool[poolIndex++]!;
    if (byte < UNBIASED_LIMIT) out += CSRF_ALLOWED_CHARS[byte % CHARS];
  }
  return out;
}

/**
 * Mask `secret` with a fresh random mask: the token changes on every call (so the page
 * leaks nothing to compression attacks such as BREACH), while each one unmasks to the
 * same secret. Django's `_mask_cipher_secret()`.
 */
export function maskSecret(secret: string): string {
  const mask = randomString(CSRF_SECRET_LENGTH);
  let cipher = '';
  for (let i = 0; i < CSRF_SECRET_LENGTH; i++) {
    cipher += CSRF_ALLOWED_CHARS[(INDEX[secret.charCodeAt(i)]! + INDEX[mask.charCodeAt(i)]!) % CHARS];
  }
  return mask + cipher;
}

/** The secret a masked token (of `CSRF_TOKEN_LENGTH` allowed characters) carries. */
export function unmaskToken(token: string): string {
  let secret = '';
  for (let i = 0; i < CSRF_SECRET_LENGTH; i++) {
    const cipher = INDEX[token.charCodeAt(CSRF_SECRET_LENGTH + i)]!;
    const mask = INDEX[token.charCodeAt(i)]!;
    secret += CSRF_ALLOWED_CHARS[(cipher - mask + CHARS) % CHARS];
  }
  return secret;
}

/**
 * Why `value` cannot be a secret or a token, as Django words it (`'has incorrect length'`,
 * `'has invalid characters'`), or `null` when it can: 32 (a bare secret) or 64 (a masked
 * token) letters and digits.
 */
export function tokenFormatError(value: string): 'has incorrect length' | 'has invalid characters' | null {
  if (value.length !== CSRF_SECRET_LENGTH && value.length !== CSRF_TOKEN_LENGTH) return 'has incorrect length';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128 || INDEX[code] === -1) return 'has invalid characters';
  }
  return null;
}

/** The secret `value` (a well-formed secret or masked token) stands for. */
export function secretOf(value: string): string {
  return value.length === CSRF_TOKEN_LENGTH ? unmaskToken(value) : value;
}

/**
 * Whether a well-formed `token` (masked, or a bare secret as Django also accepts) carries
 * `secret`; compared in constant time.
 */
export function tokenMatches(token: string, secret: string): boolean {
  const candidate = Buffer.from(secretOf(token), 'latin1');
  const expected = Buffer.from(secret, 'latin1');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
