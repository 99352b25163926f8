import { describe, expect, it } from '@jest/globals';
import {
  CSRF_ALLOWED_CHARS,
  maskSecret,
  randomString,
  secretOf,
  tokenFormatError,
  tokenMatches,
  unmaskToken,
} from './csrf-token.js';

// Django's own test vectors (tests/csrf_tests/tests.py): both tokens unmask to the secret.
const TEST_SECRET = 'lcccccccX2kcccccccY2jcccccccssIC';
const MASKED_TEST_SECRET1 = '1bcdefghij2bcdefghij3bcdefghij4bcdefghij5bcdefghij6bcdefghijABCD';
const MASKED_TEST_SECRET2 = '2JgchWvM1tpxT2lfz9aydoXW9yT1DN3NdLiejYxOOlzzV4nhBbYqmqZYbAV3V5Bf';

describe('CSRF tokens', () => {
  it('unmasks Django’s masked tokens to Django’s secret, so tokens Django made still work', () => {
    expect(unmaskToken(MASKED_TEST_SECRET1)).toBe(TEST_SECRET);
    expect(unmaskToken(MASKED_TEST_SECRET2)).toBe(TEST_SECRET);
    expect(tokenMatches(MASKED_TEST_SECRET1, TEST_SECRET)).toBe(true);
  });

  it('masks a secret afresh each time, and every mask unmasks to the secret', () => {
    const tokens = Array.from({ length: 50 }, () => maskSecret(TEST_SECRET));
    expect(new Set(tokens).size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9]{64}$/);
      expect(unmaskToken(token)).toBe(TEST_SECRET);
      // The cipher half differs from the secret: the page never shows the secret itself.
      expect(token.slice(32)).not.toBe(TEST_SECRET);
    }
  });

  it('ciphers each character by adding the mask’s, modulo 62 (Django’s _mask_cipher_secret)', () => {
    // 'a' (0) + 'b' (1) = 'b'; '9' (61) + 'b' (1) wraps to 'a'.
    const secret = 'a'.repeat(31) + '9';
    const token = maskSecret(secret);
    expect(unmaskToken('b'.repeat(32) + 'b'.repeat(31) + 'a')).toBe(secret);
    expect(unmaskToken(token)).toBe(secret);
  });

  it('makes secrets of 32 letters and digits, each character used', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const secret = randomString();
      expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
      for (const char of secret) seen.add(char);
    }
    expect(seen.size).toBe(CSRF_ALLOWED_CHARS.length);
    expect(randomString(5)).toHaveLength(5);
  });

  it('names what is wrong with a malformed value in Django’s words', () => {
    expect(tokenFormatError(TEST_SECRET)).toBeNull();
    expect(tokenFormatError(MASKED_TEST_SECRET1)).toBeNull();
    expect(tokenFormatError('')).toBe('has incorrect length');
    expect(tokenFormatError('a'.repeat(33))).toBe('has incorrect length');
    expect(tokenFormatError('a'.repeat(63))).toBe('has incorrect length');
    expect(tokenFormatError(`${'a'.repeat(31)}-`)).toBe('has invalid characters');
    expect(tokenFormatError(`${'a'.repeat(31)}é`)).toBe('has invalid characters');
    expect(tokenFormatError(`${'a'.repeat(31)}\u0130`)).toBe('has invalid characters');
  });

  it('agrees with unmasking and comparing, for random tokens that match and that differ by one character', () => {
    for (let i = 0; i < 2000; i++) {
      const secret = randomString();
      const token = maskSecret(secret);
      expect(tokenMatches(token, secret)).toBe(true);
      const at = i % 64;
      const changed = token.slice(0, at) + (token[at] === 'a' ? 'b' : 'a') + token.slice(at + 1);
      expect(tokenMatches(changed, secret)).toBe(unmaskToken(changed) === secret);
      expect(tokenMatches(changed, secret)).toBe(false);
    }
  });

  it('matches a masked token or the bare secret, and nothing else', () => {
    expect(tokenMatches(maskSecret(TEST_SECRET), TEST_SECRET)).toBe(true);
    expect(tokenMatches(TEST_SECRET, TEST_SECRET)).toBe(true);
    expect(secretOf(TEST_SECRET)).toBe(TEST_SECRET);
    const other = randomString();
    expect(tokenMatches(maskSecret(other), TEST_SECRET)).toBe(false);
    expect(tokenMatches(other, TEST_SECRET)).toBe(false);
    // One character off, at either end.
    expect(tokenMatches(`x${TEST_SECRET.slice(1)}`, TEST_SECRET)).toBe(false);
    expect(tokenMatches(`${TEST_SECRET.slice(0, 31)}x`, TEST_SECRET)).toBe(false);
  });
});
