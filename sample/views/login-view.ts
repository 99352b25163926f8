import {
  ClassView,
  HttpResponseRedirect,
  type Kwargs,
  rotateToken,
  TemplateView,
  urlHasAllowedHostAndScheme,
  View,
  type ViewRequest,
} from '../../src/index.js';
import { DEMO_USERS, userCookie } from '../auth/demo-users.js';

/** A form field's value, when it is one string. */
const field = (body: unknown, name: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/**
 * A tiny login page (Django's `LoginView`, for the demo users): a good name and password
 * set a signed cookie and go to `next` when it is safe (this host, no other scheme), else
 * to the account page; an unsafe `next` (`//evil.example`, `https://evil.example`) is ignored.
 */
@ClassView('login/', { name: 'login' })
export class LoginView extends TemplateView {
  templateName = 'login.html';

  /** `next` when it is safe to redirect to, else `''` (Django's `get_redirect_url()`). */
  getRedirectUrl(): string {
    const next = field(this.request.body, 'next') || this.request.query.get('next', '');
    const safe = urlHasAllowedHostAndScheme(next, {
      allowedHosts: [this.request.getHost() ?? ''],
      requireHttps: this.request.isSecure(),
    });
    return safe ? next : '';
  }

  override getContextData(kwargs: Kwargs) {
    return { ...super.getContextData(kwargs), next: this.getRedirectUrl(), users: [...DEMO_USERS.values()] };
  }

  post(request: ViewRequest) {
    const user = DEMO_USERS.get(field(request.body, 'username'));
    if (!user || user.password !== field(request.body, 'password')) {
      return this.renderToResponse(this.getContextData({ error: 'Please enter a correct username and password.' }));
    }
    // A new CSRF secret after a login, as Django's login() rotates it.
    rotateToken(request);
    return new HttpResponseRedirect(this.getRedirectUrl() || '/account/').setHeader(
      'Set-Cookie',
      userCookie(user.name),
    );
  }
}

/** Sign out (POST only, with the CSRF token) and go home. */
@ClassView('logout/', { name: 'logout' })
export class LogoutView extends View {
  post() {
    return new HttpResponseRedirect('/').setHeader('Set-Cookie', userCookie(null));
  }
}
