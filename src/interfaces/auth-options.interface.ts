import type { ViewRequest } from '../http/view-request.js';

/**
 * The `auth` option of `ClassViewsModule`: how the access mixins read the user (Django's
 * `request.user`), decide whether it is signed in and what it may do, and where the login
 * page is (`LOGIN_URL`). The library imposes no auth system: any of these reads what
 * Passport, a session or a guard attached to the request.
 */
export interface AuthOptions {
  /** Django's `LOGIN_URL`: a path (`'/login/'`), a URL, or a route name. Default none: set it or each view's `loginUrl`. */
  loginUrl?: string;
  /** The request's user, or `undefined`/`null` for an anonymous visitor. Default `request.user`. */
  getUser?(request: ViewRequest): unknown;
  /** Whether `user` is signed in (Django's `is_authenticated`). Default: it is not `undefined`, `null` nor `false`. */
  isAuthenticated?(user: unknown, request: ViewRequest): boolean;
  /**
   * Whether the signed-in `user` has the permission `perm` (Django's `user.has_perm()`), sync
   * or async. Default: `user.permissions` (an array of strings) includes it.
   */
  hasPermission?(user: any, perm: string, request: ViewRequest): boolean | Promise<boolean>;
}
