import { httpDate } from '../http/http-date.js';
import type { ResponseHeaders } from '../http/response-headers.js';

/**
 * The value of the cookie `name` in a `Cookie` header, or `undefined`. When the name is
 * repeated the last value wins, as in Django's `parse_cookie()`. Linear in the header.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  let start = 0;
  while (start <= header.length) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    // Searched within the pair only, so that a header of many `;` stays linear.
    const pair = header.slice(start, end);
    const eq = pair.indexOf('=');
    if (eq >= 0 && pair.slice(0, eq).trim() === name) {
      let value = pair.slice(eq + 1).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      found = value;
    }
    start = end + 1;
  }
  return found;
}

/** The attributes of a `Set-Cookie` header. */
export interface CookieAttributes {
  maxAge: number | null;
  domain: string | null;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'Lax' | 'Strict' | 'None' | false;
}

/**
 * A `Set-Cookie` value, attributes in the order Django writes them:
 * `csrftoken=…; expires=…; Max-Age=31449600; Path=/; SameSite=Lax`.
 */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes, now = Date.now()): string {
  let cookie = `${name}=${value}`;
  if (attributes.domain) cookie += `; Domain=${attributes.domain}`;
  if (attributes.maxAge !== null) cookie += `; expires=${httpDate(new Date(now + attributes.maxAge * 1000))}`;
  if (attributes.httpOnly) cookie += '; HttpOnly';
  if (attributes.maxAge !== null) cookie += `; Max-Age=${attributes.maxAge}`;
  cookie += `; Path=${attributes.path}`;
  if (attributes.sameSite) cookie += `; SameSite=${attributes.sameSite}`;
  if (attributes.secure) cookie += '; Secure';
  return cookie;
}

/** Add `Set-Cookie: cookie` to the headers, keeping any cookie already set. */
export function appendSetCookie(headers: ResponseHeaders, cookie: string): void {
  const entry = [...headers].find(([name]) => name.toLowerCase() === 'set-cookie');
  const current = entry?.[1];
  headers.set(
    entry?.[0] ?? 'Set-Cookie',
    current === undefined ? [cookie] : [...(typeof current === 'string' ? [current] : current), cookie],
  );
}

export { patchVary } from '../http/vary.js';
