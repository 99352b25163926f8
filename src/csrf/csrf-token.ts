import { randomFillSync } from 'node:crypto';

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
/** Character codes by index, and a buffer strings are built in (no string concatenation). */
const CODES = Buffer.from(CSRF_ALLOWED_CHARS, 'latin1');
const scratch = Buffer.alloc(CSRF_TOKEN_LENGTH);

/** A random character index, each of the 62 equally likely. */
function randomIndex(): number {
  for (;;) {
    if (poolIndex === pool.length) {
      randomFillSync(pool);
      poolIndex = 0;
    }
    const byte = pool[poolIndex++]!;
    if (byte < UNBIASED_LIMIT) return byte % CHARS;
  }
}

/** A new random string of `length` allowed characters, each equally likely. */
export function randomString(length: number = CSRF_SECRET_LENGTH): string {
  const out = length <= scratch.length ? scratch : Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = CODES[randomIndex()]!;
  return out.toString('latin1', 0, length);
}

/**
 * Mask `secret` with a fresh random mask: the token changes on every call (so the page
 * leaks nothing to compression attacks such as BREACH), while each one unmasks to the
 * same secret. Django's `_mask_cipher_secret()`: each cipher character is the secret's
 * plus the mask's, modulo 62.
 */
export function maskSecret(secret: string): string {
  for (let i = 0; i < CSRF_SECRET_LENGTH; i++) {
    const mask = randomIndex();
    scratch[i] = CODES[mask]!;
    scratch[CSRF_SECRET_LENGTH + i] = CODES[(INDEX[secret.charCodeAt(i)]! + mask) % CHARS]!;
  }
  return scratch.toString('latin1', 0, CSRF_TOKEN_LENGTH);
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
 * `secret`. Constant time: every character is compared, with no early exit and no branch
 * on the secret (what `timingSafeEqual()` guarantees, without building two buffers and the
 * unmasked string on every unsafe request).
 */
export function tokenMatches(token: string, secret: string): boolean {
  if (secret.length !== CSRF_SECRET_LENGTH) return false;
  const masked = token.length === CSRF_TOKEN_LENGTH;
  if (!masked && token.length !== CSRF_SECRET_LENGTH) return false;
  let diff = 0;
  for (let i = 0; i < CSRF_SECRET_LENGTH; i++) {
    let char = INDEX[token.charCodeAt(i)]!;
    if (masked) {
      // cipher - mask, modulo 62 without a division: the mask is the client's, not secret.
      char = INDEX[token.charCodeAt(CSRF_SECRET_LENGTH + i)]! - char;
      char += (char >> 31) & CHARS;
    }
    diff |= char ^ INDEX[secret.charCodeAt(i)]!;
  }
  return diff === 0;
}
