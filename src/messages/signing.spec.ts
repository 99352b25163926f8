import { describe, expect, it } from '@jest/globals';
import { BadSignature, Signer } from './signing.js';

describe('Signer (Django signing)', () => {
  it("signs as Django's Signer does (Django's test_works_with_non_ascii_keys vector)", () => {
    const signer = new Signer([Buffer.from([0xe7])], 'django.core.signing.Signer');
    expect(signer.sign('foo')).toBe('foo:EE4qGC5MEKyQG5msxYA0sBohAxLC0BJf8uRhemh0BGU');
  });

  it('unsigns with any of its keys, the first one signing', () => {
    const old = new Signer(['old'], 'salt');
    const rotated = new Signer(['new', 'old'], 'salt');
    expect(rotated.unsign(old.sign('value'))).toBe('value');
    expect(() => old.unsign(rotated.sign('value'))).toThrow(BadSignature);
  });

  it('refuses a value without a separator, a changed value and a changed signature', () => {
    const signer = new Signer(['key'], 'salt');
    const signed = signer.sign('value');
    expect(() => signer.unsign('value')).toThrow(BadSignature);
    expect(() => signer.unsign(`x${signed}`)).toThrow(BadSignature);
    expect(() => signer.unsign(`${signed}x`)).toThrow(BadSignature);
  });

  it('compresses an object only when that saves more than one byte, marking it with a dot', () => {
    const signer = new Signer(['key'], 'salt');
    const long = signer.signObject(JSON.stringify('x'.repeat(200)));
    expect(long.startsWith('.')).toBe(true);
    expect(signer.unsignObject(long)).toBe(JSON.stringify('x'.repeat(200)));
    const short = signer.signObject('[]');
    expect(short.startsWith('.')).toBe(false);
    expect(signer.unsignObject(short)).toBe('[]');
  });
});
