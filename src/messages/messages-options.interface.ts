import type { MessageStorage } from './message-storage.interface.js';

/**
 * The `messages` option of `ClassViewsModule.forRoot()` (Django's `MESSAGE_LEVEL`,
 * `MESSAGE_TAGS` and `MESSAGE_STORAGE`). Messages are on when the module has a
 * `secretKey` or this option; every field is optional.
 *
 * @example
 * ClassViewsModule.forRoot({ secretKey: process.env.SECRET_KEY, messages: { level: DEBUG, tags: { [ERROR]: 'danger' } } })
 */
export interface MessagesOptions {
  /** Messages below this level are dropped (Django's `MESSAGE_LEVEL`). Default `INFO` (20): `debug()` messages are dropped. */
  level?: number;
  /** Tags by level, over Django's (`{ 40: 'danger' }` for Bootstrap); Django's `MESSAGE_TAGS`. Default `{}`. */
  tags?: Readonly<Record<number, string>>;
  /**
   * Where messages wait for the next request (Django's `MESSAGE_STORAGE`). Default a
   * `CookieStorage` signed with `secretKey`: a `messages` cookie, `HttpOnly`, `SameSite=Lax`.
   * Give `new CookieStorage({ secretKey, secure: true })` for other cookie attributes.
   */
  storage?: MessageStorage;
}
