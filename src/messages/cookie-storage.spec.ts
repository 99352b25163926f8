import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { HttpResponse } from '../http/http-response.js';
import { ViewRequest } from '../http/view-request.js';
import { CookieStorage, NOT_FINISHED } from './cookie-storage.js';
import { Message } from './message.js';
import { dumpMessages } from './message-serializer.js';

const SECRET = 'django-insecure-secret';

/**
 * Written by a transcription of Django 4.2's `CookieStorage._encode()` in Python's standard
 * library (`json.dumps(separators=(",", ":"))`, `zlib.compress`, `salted_hmac` with
 * `b"django.http.cookies" + SECRET_KEY` and salt `django.contrib.messages`), whose signer
 * gives Django's own test vector.
 */
const DJANGO_COOKIE =
  '.eJyLjlaKj88qzs-Lz00tLk5MT1XSMdAxMtVRck5Miyk1MEi1VIgpNTIwTPbLzywCs1IUyhOLFZKLUhNLUlOUdJSUYnUwzTDUMTHQUbJJsnPKz0mx0U-yAypMrSgpSlSKjQUASNwkAA:sK9vYP9mAGxDIH23jUtEnVvNyHJf0G_LtKcS_6FjIS0';
const DJANGO_LONG =
  '.eJyLjlaKj88qzs-Lz00tLk5MT1XSMdAxMtBRqhgmQElHSSk2FgDcWmb7:Dv-Z65PDrT2Ub_jL2PiyHpFSiKngsUrgkJYEYpj0Zk0';

function requestWith(cookie?: string): ViewRequest {
  return new ViewRequest({ headers: cookie === undefined ? {} : { cookie } }, 'GET', '/');
}

function setCookies(response: HttpResponse): string[] {
  const value = [...response.headers].find(([name]) => name.toLowerCase() === 'set-cookie')?.[1];
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}

function cookieValue(response: HttpResponse): string {
  return setCookies(response)[0]!.split(';')[0]!.slice('messages='.length);
}

/** Django's `get_random_string()` stand-in: letters and digits, the same on every run. */
function randomStrings(count: number, size: number): string[] {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: count }, (_, i) =>
    Array.from(
      { length: size },
      (_, j) => chars[createHash('sha256').update(`${i}:${j}`).digest()[0]! % chars.length],
    ).join(''),
  );
}

describe('CookieStorage', () => {
  const storage = new CookieStorage({ secretKey: SECRET });

  it("reads a cookie in Django's format: text, level, extra tags, safe flag", () => {
    const messages = storage.read(requestWith(`messages=${DJANGO_COOKIE}`))!;
    expect(messages.map((m) => [m.level, m.message, m.extraTags, m.safe])).toEqual([
      [25, 'Café “Noir” was created', '', false],
      [40, '<b>Bold</b>', 'extra', true],
    ]);
  });

  it('writes the cookie Django writes for the same messages', () => {
    const response = new HttpResponse('');
    storage.write([new Message(20, 'x'.repeat(200), '')], requestWith(), response);
    expect(cookieValue(response)).toBe(DJANGO_LONG);
  });

  it("serialises as Django's MessageSerializer; the compressed bytes may differ (Node's zlib), which both sides read", () => {
    const messages = [new Message(25, 'Café “Noir” was created', ''), new Message(40, '<b>Bold</b>', 'extra', true)];
    expect(dumpMessages(messages)).toBe(
      '[["__json_message",0,25,"Caf\\u00e9 \\u201cNoir\\u201d was created",""],["__json_message",1,40,"<b>Bold</b>","extra"]]',
    );
    expect(dumpMessages([new Message(20, 'no tags')])).toBe('[["__json_message",0,20,"no tags"]]');
    expect(storage.decode(storage.encode(messages))).toEqual(storage.decode(DJANGO_COOKIE));
  });

  it("sets the cookie with Django's SESSION_COOKIE_* defaults: session cookie, HttpOnly, Path=/, SameSite=Lax", () => {
    const response = new HttpResponse('');
    storage.write([new Message(20, 'hi', '')], requestWith(), response);
    expect(setCookies(response)).toEqual([`messages=${cookieValue(response)}; HttpOnly; Path=/; SameSite=Lax`]);
  });

  it('honours the cookie options', () => {
    const custom = new CookieStorage({ secretKey: SECRET, domain: '.example.com', secure: true, sameSite: 'Strict' });
    const response = new HttpResponse('');
    custom.write([new Message(20, 'hi', '')], requestWith(), response);
    expect(setCookies(response)[0]).toMatch(
      /^messages=[^;]+; Domain=\.example\.com; HttpOnly; Path=\/; SameSite=Strict; Secure$/,
    );
    const deleted = new HttpResponse('');
    custom.write([], requestWith('messages=x'), deleted);
    expect(setCookies(deleted)).toEqual([
      'messages=""; Domain=.example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Strict',
    ]);
  });

  it('deletes the cookie when nothing is left, only if the request sent one', () => {
    const response = new HttpResponse('');
    storage.write([], requestWith(`messages=${DJANGO_COOKIE}`), response);
    expect(setCookies(response)).toEqual([
      'messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
    ]);
    const untouched = new HttpResponse('');
    storage.write([], requestWith(), untouched);
    expect(setCookies(untouched)).toEqual([]);
  });

  it('ignores a tampered cookie, without an error', () => {
    const tampered = DJANGO_COOKIE.replace('sK9v', 'sK9w');
    expect(storage.read(requestWith(`messages=${tampered}`))).toBeNull();
    expect(storage.read(requestWith('messages=garbage'))).toBeNull();
    expect(storage.read(requestWith('messages=:'))).toBeNull();
  });

  it('ignores a cookie signed with another key, and accepts one signed with a fallback key', () => {
    const foreign = new CookieStorage({ secretKey: 'another-key' });
    expect(foreign.read(requestWith(`messages=${DJANGO_COOKIE}`))).toBeNull();
    const rotated = new CookieStorage({ secretKey: 'new-key', secretKeyFallbacks: ['another-key', SECRET] });
    expect(rotated.read(requestWith(`messages=${DJANGO_COOKIE}`))).toHaveLength(2);
    // A rotated storage signs with its new key only.
    const response = new HttpResponse('');
    rotated.write([new Message(20, 'hi', '')], requestWith(), response);
    expect(storage.read(requestWith(`messages=${cookieValue(response)}`))).toBeNull();
  });

  it("drops the oldest messages past maxCookieSize and marks the cookie not finished (Django's test_max_cookie_length)", () => {
    // Django's sizes: 4 such messages fit into 2048 characters, 5 do not.
    const size = Math.trunc((2048 - 54) / 4.5 - 37);
    const texts = randomStrings(5, size);
    const response = new HttpResponse('');
    const unstored = storage.write(
      texts.map((text) => new Message(20, text, '')),
      requestWith(),
      response,
    );
    expect(unstored.map((m) => m.message)).toEqual([texts[0]]);
    const value = cookieValue(response);
    expect(value.length).toBeLessThanOrEqual(2048);
    const stored = storage.decode(value)!;
    expect(stored[stored.length - 1]).toBe(NOT_FINISHED);
    expect(storage.read(requestWith(`messages=${value}`))!.map((m) => m.message)).toEqual(texts.slice(1));
  });

  it('stores nothing, and returns, when not even the not-finished marker fits maxCookieSize', () => {
    const tiny = new CookieStorage({ secretKey: SECRET, maxCookieSize: 20 });
    const response = new HttpResponse('');
    const unstored = tiny.write([new Message(20, 'one', ''), new Message(20, 'two', '')], requestWith(), response);
    expect(unstored.map((m) => m.message)).toEqual(['one', 'two']);
    expect(response.headers.get('Set-Cookie')).toBeUndefined();
  });

  it('keeps messages that fit as they are, without the marker', () => {
    const response = new HttpResponse('');
    expect(storage.write([new Message(20, 'short', '')], requestWith(), response)).toEqual([]);
    expect(storage.decode(cookieValue(response))).toEqual([new Message(20, 'short', '')]);
  });
});
