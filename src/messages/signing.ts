import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { CodedMessage } from '../utils/coded-message.js';
import { MESSAGES_MESSAGES } from './messages.messages.js';

/** The signature of a signed value does not match any key (Django's `BadSignature`). */
export class BadSignature extends Error {
  /** The error's name, `'BadSignature'`. */
  override name = 'BadSignature';
  readonly code: string;

  constructor(message: CodedMessage) {
    super(message.message);
    this.code = message.code;
  }
}

/** URL-safe base64 without padding (Django's `b64_encode()`). */
function b64Encode(data: Buffer): string {
  return data.toString('base64url');
}

/**
 * Django's `Signer` (`django/core/signing.py`, SHA-256): `value:signature`, the signature an
 * HMAC keyed with `sha256(salt + 'signer' + key)`. The first key signs; every key verifies,
 * so a key can be rotated (Django's `SECRET_KEY_FALLBACKS`).
 */
export class Signer {
  private readonly hmacKeys: readonly Buffer[];

  constructor(
    keys: ReadonlyArray<string | Buffer>,
    salt: string,
    private readonly sep = ':',
  ) {
    this.hmacKeys = keys.map((key) => createHash('sha256').update(`${salt}signer`).update(key).digest());
  }

  /** `value` with its signature. */
  sign(value: string): string {
    return `${value}${this.sep}${this.signature(value, this.hmacKeys[0]!)}`;
  }

  /** The value of `signed` when one of the keys signed it; else `BadSignature`. */
  unsign(signed: string): string {
    const at = signed.lastIndexOf(this.sep);
    if (at < 0) throw new BadSignature(MESSAGES_MESSAGES.noSignatureSeparator(this.sep));
    const value = signed.slice(0, at);
    const given = Buffer.from(signed.slice(at + 1));
    for (const key of this.hmacKeys) {
      const expected = Buffer.from(this.signature(value, key));
      if (expected.length === given.length && timingSafeEqual(expected, given)) return value;
    }
    throw new BadSignature(MESSAGES_MESSAGES.signatureMismatch());
  }

  /**
   * Django's `sign_object(…, compress=True)` for data already serialised: zlib-compressed
   * when that saves more than a byte (then prefixed with `.`), base64, signed.
   */
  signObject(serialized: string): string {
    const data = Buffer.from(serialized, 'latin1');
    const compressed = deflateSync(data);
    const useCompressed = compressed.length < data.length - 1;
    const base64 = b64Encode(useCompressed ? compressed : data);
    return this.sign(useCompressed ? `.${base64}` : base64);
  }

  /** The serialised data `signObject()` signed; throws on a bad signature or bad data. */
  unsignObject(signed: string): string {
    const base64 = this.unsign(signed);
    const compressed = base64.startsWith('.');
    const data = Buffer.from(compressed ? base64.slice(1) : base64, 'base64url');
    return (compressed ? inflateSync(data) : data).toString('latin1');
  }

  private signature(value: string, hmacKey: Buffer): string {
    return b64Encode(createHmac('sha256', hmacKey).update(value).digest());
  }
}
