import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthOptions, ViewRequest } from '../../src/index.js';

/** A user of the sample: fixed, with a password shown on the login page. Not an auth system. */
export interface DemoUser {
  name: string;
  password: string;
  permissions: readonly string[];
}

/** Two demo users: `ada` is staff, `bob` is not. */
export const DEMO_USERS: ReadonlyMap<string, DemoUser> = new Map([
  ['ada', { name: 'ada', password: 'lovelace', permissions: ['library.view_staff'] }],
  ['bob', { name: 'bob', password: 'builder', permissions: [] }],
]);

/** The cookie that holds the signed-in user's name and its signature. */
export const USER_COOKIE = 'sampleuser';

/** The key that signs the cookie; every process of one deployment needs the same. */
const SECRET = process.env.SAMPLE_SECRET ?? 'nestjs-class-views sample: not a secret';

const sign = (name: string) => createHmac('sha256', SECRET).update(name).digest('base64url');

/** The `Set-Cookie` value that signs `name` in, or out when `name` is `null`. */
export function userCookie(name: string | null): string {
  const value = name === null ? '' : `${name}.${sign(name)}`;
  return `${USER_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${name === null ? '; Max-Age=0' : ''}`;
}

/** The demo user the request's cookie names, when its signature is right. */
export function userOf(request: ViewRequest): DemoUser | undefined {
  const cookie = request.header('cookie') ?? '';
  const value = cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${USER_COOKIE}=`))
    ?.slice(USER_COOKIE.length + 1);
  const dot = value?.lastIndexOf('.') ?? -1;
  if (!value || dot < 0) return undefined;
  const name = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(name));
  return given.length === expected.length && timingSafeEqual(given, expected) ? DEMO_USERS.get(name) : undefined;
}

/** The `auth` option of the sample's `ClassViewsModule`: the user from the cookie, the login page by route name. */
export const sampleAuth: AuthOptions = { loginUrl: 'login', getUser: userOf };
