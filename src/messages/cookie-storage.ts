import { appendSetCookie, type CookieAttributes, readCookie, serializeCookie } from '../csrf/csrf-cookie.js';
import type { HttpResponse } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { Message } from './message.js';
import { dumpMessages, loadMessages } from './message-serializer.js';
import type { MessageStorage } from './message-storage.interface.js';
import { Signer } from './signing.js';

/** The options of a `CookieStorage`; the cookie's defaults are Django's `SESSION_COOKIE_*`. */
export interface CookieStorageOptions {
  /** The key that signs the cookie (Django's `SECRET_KEY`). Required. */
  secretKey: string;
  /** Older keys whose cookies are still accepted, for rotation (Django's `SECRET_KEY_FALLBACKS`). Default `[]`. */
  secretKeyFallbacks?: readonly string[];
  /** The cookie's name. Default `'messages'`. */
  cookieName?: string;
  /** The longest cookie value written; the oldest messages are dropped to fit. `0` for no limit. Default `2048`. */
  maxCookieSize?: number;
  /** The cookie's `Domain` (Django's `SESSION_COOKIE_DOMAIN`). Default `null`: this host only. */
  domain?: string | null;
  /** The cookie's `Path` (Django's `SESSION_COOKIE_PATH`). Default `'/'`. */
  path?: string;
  /** Send the cookie over HTTPS only (Django's `SESSION_COOKIE_SECURE`). Default `false`. */
  secure?: boolean;
  /** Hide the cookie from scripts (Django's `SESSION_COOKIE_HTTPONLY`). Default `true`. */
  httpOnly?: boolean;
  /** The cookie's `SameSite` (Django's `SESSION_COOKIE_SAMESITE`). Default `'Lax'`. */
  sameSite?: 'Lax' | 'Strict' | 'None' | false;
}

/** Ends a cookie whose messages did not all fit (Django's `CookieStorage.not_finished`). */
export const NOT_FINISHED = '__messagesnotfinished__';

/**
 * Django's `CookieStorage`, in Django's format: the messages as compact JSON, compressed
 * when that is shorter, signed with the secret key (salt `django.contrib.messages`), so a
 * Django site with the same `SECRET_KEY` reads this cookie and the other way round. Nothing
 * is kept on the server: any number of processes agree. A cookie that does not verify
 * (tampered, another key) is treated as empty and cleared.
 */
export class CookieStorage implements MessageStorage {
  /** The cookie's name (Django's `cookie_name`). */
  readonly cookieName: string;
  /** The longest value written (Django's `max_cookie_size`). */
  readonly maxCookieSize: number;
  private readonly signer: Signer;
  private readonly attributes: CookieAttributes;

  constructor(options: CookieStorageOptions) {
    const keys = [options.secretKey, ...(options.secretKeyFallbacks ?? [])];
    // Django's get_cookie_signer(): the key is prefixed, so cookies are signed apart from other uses.
    this.signer = new Signer(
      keys.map((key) => `django.http.cookies${key}`),
      'django.contrib.messages',
    );
    this.cookieName = options.cookieName ?? 'messages';
    this.maxCookieSize = options.maxCookieSize ?? 2048;
    this.attributes = {
      maxAge: null,
      domain: options.domain ?? null,
      path: options.path ?? '/',
      secure: options.secure ?? false,
      httpOnly: options.httpOnly ?? true,
      sameSite: options.sameSite ?? 'Lax',
    };
  }

  read(request: ViewRequest): Message[] | null {
    const data = readCookie(request.header('cookie'), this.cookieName);
    if (!data) return [];
    const items = this.decode(data);
    if (items === null) return null;
    if (items[items.length - 1] === NOT_FINISHED) items.pop();
    return items.filter((item): item is Message => item instanceof Message);
  }

  /**
   * Django's `_store()`: while the value is longer than `maxCookieSize`, drop the oldest
   * message and mark the rest as not finished. An empty list deletes the cookie when the
   * request sent one (Django's default `FallbackStorage` does the same).
   */
  write(messages: readonly Message[], request: ViewRequest, response: HttpResponse): Message[] {
    const kept = [...messages];
    const unstored: Message[] = [];
    let encoded = kept.length > 0 ? this.encode(kept) : '';
    while (this.maxCookieSize && encoded.length > this.maxCookieSize) {
      // Not even the not-finished marker fits: store nothing rather than loop.
      if (kept.length === 0) {
        encoded = '';
        break;
      }
      unstored.push(kept.shift()!);
      encoded = this.encode([...kept, NOT_FINISHED]);
    }
    if (encoded) appendSetCookie(response.headers, serializeCookie(this.cookieName, encoded, this.attributes));
    else if (readCookie(request.header('cookie'), this.cookieName) !== undefined)
      appendSetCookie(response.headers, this.deletion());
    return unstored;
  }

  /** The signed value of `items` (Django's `_encode()`). */
  encode(items: ReadonlyArray<Message | string>): string {
    return this.signer.signObject(dumpMessages(items));
  }

  /** The list a cookie value holds, or `null` when it does not verify or parse (Django's `_decode()`). */
  decode(data: string): unknown[] | null {
    try {
      const value = loadMessages(this.signer.unsignObject(data));
      return Array.isArray(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Django's `delete_cookie()`: an empty value that expired in 1970. */
  private deletion(): string {
    const { domain, path, sameSite } = this.attributes;
    let cookie = `${this.cookieName}=""`;
    if (domain) cookie += `; Domain=${domain}`;
    cookie += `; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=${path}`;
    if (sameSite) cookie += `; SameSite=${sameSite}`;
    if (sameSite === 'None' || /^__(Secure|Host)-/.test(this.cookieName)) cookie += '; Secure';
    return cookie;
  }
}
