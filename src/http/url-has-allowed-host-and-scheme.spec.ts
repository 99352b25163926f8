import { describe, expect, it } from '@jest/globals';
import { expectLinear } from '../../test/utils/linear.js';
import { urlHasAllowedHostAndScheme } from './url-has-allowed-host-and-scheme.js';

// Django 4.2's tests/utils_tests/test_http.py, URLHasAllowedHostAndSchemeTests.
describe('urlHasAllowedHostAndScheme', () => {
  it.each([
    'http://example.com',
    'http:///example.com',
    'https://example.com',
    'ftp://example.com',
    '\\\\example.com',
    '\\\\\\example.com',
    '/\\\\/example.com',
    '\\\\//example.com',
    '/\\/example.com',
    '\\/example.com',
    '/\\example.com',
    'http:/\\//example.com',
    'http:\\/example.com',
    'http:/\\example.com',
    'javascript:alert("XSS")',
    '\njavascript:alert(x)',
    '\x08//example.com',
    'http://otherserver\\@example.com',
    'http:\\\\testserver\\@example.com',
    'http://testserver\\me:pass@example.com',
    'http://testserver\\@example.com',
    'http:\\\\testserver\\confirm\\me@example.com',
    'http:999999999',
    'ftp:9999999999',
    '\n',
    'http://[2001:cdba:0000:0000:0000:0000:3257:9652/',
    'http://2001:cdba:0000:0000:0000:0000:3257:9652]/',
  ])('refuses %j, as Django does', (url) => {
    expect(urlHasAllowedHostAndScheme(url, { allowedHosts: ['testserver', 'testserver2'] })).toBe(false);
  });

  it.each([
    '/view/?param=http://example.com',
    '/view/?param=https://example.com',
    '/view?param=ftp://example.com',
    'view/?param=//example.com',
    'https://testserver/',
    'HTTPS://testserver/',
    '//testserver/',
    'http://testserver/confirm?email=me@example.com',
    '/url%20with%20spaces/',
    'path/http:2222222222',
  ])('accepts %j, as Django does', (url) => {
    expect(urlHasAllowedHostAndScheme(url, { allowedHosts: ['otherserver', 'testserver'] })).toBe(true);
  });

  it('accepts basic auth credentials when the whole netloc is allowed', () => {
    expect(urlHasAllowedHostAndScheme('http://user:pass@testserver/', { allowedHosts: ['user:pass@testserver'] })).toBe(
      true,
    );
  });

  it('accepts a path without allowed hosts, and refuses a host', () => {
    expect(urlHasAllowedHostAndScheme('/confirm/me@example.com', { allowedHosts: null })).toBe(true);
    expect(urlHasAllowedHostAndScheme('http://testserver\\@example.com')).toBe(false);
  });

  it('takes one allowed host as a string', () => {
    expect(urlHasAllowedHostAndScheme('http://good.com/good', { allowedHosts: 'good.com' })).toBe(true);
    expect(urlHasAllowedHostAndScheme('http://good.co/evil', { allowedHosts: 'good.com' })).toBe(false);
  });

  it.each(['https://example.com/p', 'HTTPS://example.com/p', '/view/?param=http://example.com'])(
    'accepts %j with requireHttps',
    (url) => expect(urlHasAllowedHostAndScheme(url, { allowedHosts: ['example.com'], requireHttps: true })).toBe(true),
  );

  it.each(['http://example.com/p', 'ftp://example.com/p', '//example.com/p'])('refuses %j with requireHttps', (url) => {
    expect(urlHasAllowedHostAndScheme(url, { allowedHosts: ['example.com'], requireHttps: true })).toBe(false);
  });

  it('refuses empty, missing and blank URLs', () => {
    for (const url of [undefined, null, '', '   \t '])
      expect(urlHasAllowedHostAndScheme(url, { allowedHosts: ['testserver'] })).toBe(false);
  });

  it('refuses what browsers read as scheme-relative once tabs and line breaks are dropped', () => {
    for (const url of ['/\t/evil.example', '/\r\n/evil.example', 'http:/\t/evil.example']) {
      expect(urlHasAllowedHostAndScheme(url, { allowedHosts: ['testserver'] })).toBe(false);
    }
  });

  it('refuses a URL starting with a format or private-use character, as Python sees category C', () => {
    expect(urlHasAllowedHostAndScheme('\u200b//evil.example/')).toBe(false);
    expect(urlHasAllowedHostAndScheme('\ue000/ok/')).toBe(false);
  });

  it('refuses hosts whose NFKC form hides a delimiter, and bracketed hosts that are not IPv6', () => {
    expect(urlHasAllowedHostAndScheme('//evil.example\uff0fgood/', { allowedHosts: ['evil.example\uff0fgood'] })).toBe(
      false,
    );
    expect(urlHasAllowedHostAndScheme('http://[not-an-ip]/', { allowedHosts: ['[not-an-ip]'] })).toBe(false);
    expect(urlHasAllowedHostAndScheme('http://[::1]:8000/', { allowedHosts: ['[::1]:8000'] })).toBe(true);
  });

  it('refuses URLs over 2,048 characters, as Django since 4.2.20', () => {
    expect(urlHasAllowedHostAndScheme(`/${'a'.repeat(2047)}`)).toBe(true);
    expect(urlHasAllowedHostAndScheme(`/${'a'.repeat(2048)}`)).toBe(false);
  });

  it('takes time linear in the length of the URL', () => {
    expectLinear((n) => {
      expect(urlHasAllowedHostAndScheme(`${' '.repeat(n)}/a${' \t'.repeat(n)}x`)).toBe(false);
      expect(urlHasAllowedHostAndScheme(`/${'\\'.repeat(n)}`)).toBe(false);
    });
  });
});
