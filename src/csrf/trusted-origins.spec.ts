import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { isSameDomain, TrustedOrigins } from './trusted-origins.js';

describe('Trusted origins', () => {
  it('compares domains as Django’s is_same_domain()', () => {
    expect(isSameDomain('example.com', 'example.com')).toBe(true);
    expect(isSameDomain('Example.COM', 'example.com')).toBe(true);
    expect(isSameDomain('a.example.com', '.example.com')).toBe(true);
    expect(isSameDomain('example.com', '.example.com')).toBe(true);
    expect(isSameDomain('a.example.com', 'example.com')).toBe(false);
    expect(isSameDomain('badexample.com', '.example.com')).toBe(false);
    expect(isSameDomain('example.com.evil.org', '.example.com')).toBe(false);
    expect(isSameDomain('example.com', '')).toBe(false);
  });

  it('allows the request’s own origin, with the scheme the request came over', () => {
    const origins = new TrustedOrigins();
    expect(origins.allowsOrigin('http://shop.test:3000', false, 'shop.test:3000')).toBe(true);
    expect(origins.allowsOrigin('https://shop.test:3000', false, 'shop.test:3000')).toBe(false);
    expect(origins.allowsOrigin('https://shop.test', true, 'shop.test')).toBe(true);
    expect(origins.allowsOrigin('http://shop.test', true, 'shop.test')).toBe(false);
    expect(origins.allowsOrigin('http://shop.test', false, undefined)).toBe(false);
    expect(origins.allowsOrigin('null', false, 'shop.test')).toBe(false);
  });

  it('allows exact entries and, for *. entries, every subdomain over that scheme', () => {
    const origins = new TrustedOrigins([
      'https://admin.example.org',
      'https://*.example.net',
      'http://*.local.test:8000',
    ]);
    expect(origins.allowsOrigin('https://admin.example.org', false, 'x')).toBe(true);
    expect(origins.allowsOrigin('https://other.example.org', false, 'x')).toBe(false);
    expect(origins.allowsOrigin('https://a.b.example.net', false, 'x')).toBe(true);
    expect(origins.allowsOrigin('http://a.example.net', false, 'x')).toBe(false);
    expect(origins.allowsOrigin('http://app.local.test:8000', false, 'x')).toBe(true);
    expect(origins.allowsOrigin('http://app.local.test:9000', false, 'x')).toBe(false);
  });

  it('refuses an entry without a scheme at start-up, with Django 4’s advice', () => {
    expect(() => new TrustedOrigins(['example.com'])).toThrow(
      new ImproperlyConfigured(
        "The trusted origin 'example.com' in the csrf.trustedOrigins option of ClassViewsModule must start with a scheme (usually http:// or https://), as Django's CSRF_TRUSTED_ORIGINS since Django 4.0.",
      ),
    );
  });

  it('checks an HTTPS request’s Referer as Django does without an Origin', () => {
    const origins = new TrustedOrigins(['https://*.partner.test']);
    expect(origins.refererError(undefined, 'shop.test')).toBe('Referer checking failed - no Referer.');
    expect(origins.refererError('not a url', 'shop.test')).toBe('Referer checking failed - Referer is malformed.');
    expect(origins.refererError('https:///path', 'shop.test')).toBe('Referer checking failed - Referer is malformed.');
    expect(origins.refererError('http://shop.test/form/', 'shop.test')).toBe(
      'Referer checking failed - Referer is insecure while host is secure.',
    );
    expect(origins.refererError('https://evil.test/form/', 'shop.test')).toBe(
      'Referer checking failed - https://evil.test/form/ does not match any trusted origins.',
    );
    expect(origins.refererError('https://shop.test/form/', 'shop.test')).toBeNull();
    expect(origins.refererError('https://a.partner.test/', 'shop.test')).toBeNull();
    expect(origins.refererError('https://a.shop.test/', '.shop.test')).toBeNull();
  });
});
