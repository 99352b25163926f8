import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CSRF_MESSAGES } from '../../src/csrf/csrf.messages.js';
import { maskSecret } from '../../src/csrf/csrf-token.js';

/** A fixed secret, for requests that only need to pass the CSRF check. */
const SECRET = 'TestSecretTestSecretTestSecret32';

/**
 * Headers that pass the CSRF check with no page fetched first: the `csrftoken` cookie and
 * the `X-CSRFToken` header a script would send. For tests of what a view does with an
 * unsafe method (`http.post('/x/').set(CSRF_HEADERS)`), not of the protection itself.
 */
export const CSRF_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  Cookie: `csrftoken=${SECRET}`,
  'X-CSRFToken': maskSecret(SECRET),
});

/** What an unsafe request must carry, read from a page the app served. */
export interface CsrfCredentials {
  /** The `csrftoken` cookie's value (the secret). */
  cookieValue: string;
  /** `csrftoken=…`, for a `Cookie` header. */
  cookie: string;
  /** The masked token: from the page's `csrfmiddlewaretoken` field, or made for `X-CSRFToken`. */
  token: string;
  /** `{ Cookie, 'X-CSRFToken' }`: for a script's request (JSON bodies, PUT, DELETE). */
  headers: Record<string, string>;
  /** `{ csrfmiddlewaretoken: token }`: to add to a form body. */
  field: Record<string, string>;
}

/**
 * GET `path` from `app` (a page whose template prints `csrf_input()` or `csrf_token`) and
 * return the cookie it set and the token in its form, as a browser would keep them.
 * Fails the test when the page sets no cookie or carries no token.
 *
 * @example
 * const csrf = await csrfFrom(app, '/books/new/');
 * await request(app.getHttpServer()).post('/books/new/').set('Cookie', csrf.cookie).type('form').send({ title: 'Dune', ...csrf.field });
 */
export async function csrfFrom(app: INestApplication, path: string): Promise<CsrfCredentials> {
  const page = await request(app.getHttpServer()).get(path);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}, not 200.`);
  const setCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []);
  const cookieValue = setCookie
    .map((line) => /^csrftoken=([^;]*)/.exec(line)?.[1])
    .find((value) => value !== undefined);
  if (!cookieValue)
    throw new Error(`GET ${path} set no csrftoken cookie: does its template print csrf_input() or csrf_token?`);
  const token = /name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"/.exec(page.text)?.[1] ?? maskSecret(cookieValue);
  const cookie = `csrftoken=${cookieValue}`;
  return {
    cookieValue,
    cookie,
    token,
    headers: { Cookie: cookie, 'X-CSRFToken': token },
    field: { csrfmiddlewaretoken: token },
  };
}

/** The JSON body of a CSRF refusal for `reason`, as Nest's default exception filter writes it. */
export function csrfRefusal(reason: string) {
  return { statusCode: 403, error: 'Forbidden', message: CSRF_MESSAGES.failed, reason };
}
