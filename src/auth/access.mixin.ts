import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { PermissionDenied } from '../exceptions/permission-denied.exception.js';
import type { HttpResponse } from '../http/http-response.js';
import { splitUrl } from '../http/url-has-allowed-host-and-scheme.js';
import type { ViewConstructor } from '../mixins/view-constructor.js';
import { authOptionsOf, getViewContext } from '../app-context/view-context.js';
import { REDIRECT_FIELD_NAME, redirectToLogin } from './redirect-to-login.js';

/**
 * Django's `AccessMixin`: what `LoginRequiredMixin`, `PermissionRequiredMixin` and
 * `UserPassesTestMixin` share. `handleNoPermission()` sends an anonymous visitor to the
 * login page with `?next=<this page>`, and answers a signed-in user (or every visitor, with
 * `raiseException`) with `PermissionDenied` (403). The user comes from the module's `auth`
 * option (`request.user` by default).
 */
export function AccessMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class AccessMixinView extends Base {
    /** Django's `login_url`: a path, a URL or a route name. Default `null`: the `auth.loginUrl` option. */
    loginUrl: string | null = null;
    /** The message of the `PermissionDenied` raised. Default `''`. */
    permissionDeniedMessage = '';
    /** Answer 403 to anonymous visitors too, instead of redirecting them. Default `false`. */
    raiseException = false;
    /** The login URL's parameter that carries this page's path. Default `'next'`; `null` for none. */
    redirectFieldName: string | null = REDIRECT_FIELD_NAME;

    /** The login URL: `loginUrl`, else the `auth.loginUrl` option, else `ImproperlyConfigured`. */
    getLoginUrl(): string {
      const url = this.loginUrl || authOptionsOf(this).loginUrl;
      if (!url) throw new ImproperlyConfigured(MESSAGES.loginUrlMissing(this.constructor.name));
      return url;
    }

    /** The message of the `PermissionDenied` raised. Default `permissionDeniedMessage`. */
    getPermissionDeniedMessage(): string {
      return this.permissionDeniedMessage;
    }

    /** The login URL's parameter for this page's path. Default `redirectFieldName`. */
    getRedirectFieldName(): string | null {
      return this.redirectFieldName;
    }

    /** The request's user (Django's `request.user`): the `auth.getUser` option's, else `request.user`. */
    getUser(): unknown {
      const { getUser } = authOptionsOf(this);
      return getUser ? getUser(this.request) : this.request.user;
    }

    /** Whether the user is signed in (Django's `user.is_authenticated`). */
    isAuthenticated(): boolean {
      const user = this.getUser();
      const { isAuthenticated } = authOptionsOf(this);
      return isAuthenticated
        ? isAuthenticated(user, this.request)
        : user !== undefined && user !== null && user !== false;
    }

    /**
     * Refuse the request: `PermissionDenied` for a signed-in user or with `raiseException`,
     * else a redirect to the login page with this page's full path (its absolute URL when the
     * login page is on another host or scheme) in `getRedirectFieldName()`.
     */
    handleNoPermission(): HttpResponse {
      if (this.raiseException || this.isAuthenticated()) throw new PermissionDenied(this.getPermissionDeniedMessage());
      const loginUrl = resolveUrl(this, this.getLoginUrl());
      const login = splitUrl(loginUrl) ?? { scheme: '', netloc: '' };
      const scheme = this.request.isSecure() ? 'https' : 'http';
      const host = this.request.getHost() ?? '';
      const sameOrigin =
        (login.scheme === '' || login.scheme === scheme) && (login.netloc === '' || login.netloc === host);
      const next = sameOrigin ? this.request.getFullPath() : `${scheme}://${host}${this.request.getFullPath()}`;
      return redirectToLogin(next, loginUrl, this.getRedirectFieldName());
    }
  }
  return AccessMixinView;
}

/**
 * Django's `resolve_url()`: a route name is reversed; a path or URL (with `/` or `.`) is
 * kept. An unknown name throws `NoReverseMatch`.
 */
function resolveUrl(view: object, to: string): string {
  if (to.includes('/') || to.includes('.')) return to;
  return getViewContext(view).urls.reverseUnchecked(to);
}
