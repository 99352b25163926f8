import { describe, expect, it } from '@jest/globals';
import { ResponseHeaders } from '../http/response-headers.js';
import { appendSetCookie, patchVary, readCookie, serializeCookie } from './csrf-cookie.js';

describe('CSRF cookie', () => {
  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; csrftoken=abc; b=2', 'csrftoken')).toBe('abc');
    expect(readCookie('csrftoken=abc', 'csrftoken')).toBe('abc');
    expect(readCookie('  csrftoken = abc ;', 'csrftoken')).toBe('abc');
    expect(readCookie('csrftoken="abc"', 'csrftoken')).toBe('abc');
    expect(readCookie('xcsrftoken=abc; csrftokenx=def', 'csrftoken')).toBeUndefined();
    expect(readCookie('a=1;;;b', 'csrftoken')).toBeUndefined();
    expect(readCookie(undefined, 'csrftoken')).toBeUndefined();
    expect(readCookie('csrftoken=', 'csrftoken')).toBe('');
    expect(readCookie('csrftoken=a=b', 'csrftoken')).toBe('a=b');
  });

  it('takes the last of a repeated cookie, as Django’s parse_cookie()', () => {
    expect(readCookie('csrftoken=first; csrftoken=second', 'csrftoken')).toBe('second');
  });

  it('reads a huge header in linear time (no rescanning per pair)', () => {
    const header = `${';'.repeat(200_000)}${'k=v;'.repeat(200_000)}csrftoken=ok`;
    // Rescanning from each empty pair to the next `=` would be ~4e10 steps here: the test would time out.
    expect(readCookie(header, 'csrftoken')).toBe('ok');
  });

  it('writes Django’s Set-Cookie: expires, Max-Age, Path, SameSite', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const attributes = {
      maxAge: 31449600,
      domain: null,
      path: '/',
      secure: false,
      httpOnly: false,
      sameSite: 'Lax' as const,
    };
    expect(serializeCookie('csrftoken', 'abc', attributes, now)).toBe(
      'csrftoken=abc; expires=Thu, 31 Dec 2026 12:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax',
    );
    expect(
      serializeCookie(
        'csrftoken',
        'abc',
        { ...attributes, maxAge: null, domain: '.example.com', secure: true, httpOnly: true, sameSite: false },
        now,
      ),
    ).toBe('csrftoken=abc; Domain=.example.com; HttpOnly; Path=/; Secure');
  });

  it('adds its cookie beside the view’s own cookies', () => {
    const headers = new ResponseHeaders({ 'set-cookie': 'sessionid=1' });
    appendSetCookie(headers, 'csrftoken=2');
    expect([...headers]).toEqual([['set-cookie', ['sessionid=1', 'csrftoken=2']]]);
    const empty = new ResponseHeaders();
    appendSetCookie(empty, 'csrftoken=2');
    expect(empty.toJSON()).toEqual({ 'Set-Cookie': ['csrftoken=2'] });
  });

  it('patches Vary as Django’s patch_vary_headers()', () => {
    const headers = new ResponseHeaders();
    patchVary(headers, 'Cookie');
    expect(headers.get('Vary')).toBe('Cookie');
    headers.set('Vary', 'Accept');
    patchVary(headers, 'Cookie');
    expect(headers.get('Vary')).toBe('Accept, Cookie');
    patchVary(headers, 'cookie');
    expect(headers.get('Vary')).toBe('Accept, Cookie');
    headers.set('Vary', '*');
    patchVary(headers, 'Cookie');
    expect(headers.get('Vary')).toBe('*');
  });
});
