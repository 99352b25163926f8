import type { ModuleMetadata } from '@nestjs/common';
import type { AuthOptions } from './auth-options.interface.js';
import type { CsrfOptions } from '../csrf/csrf-options.interface.js';
import type { MessagesOptions } from '../messages/messages-options.interface.js';
import type { NunjucksEngineOptions } from '../templates/nunjucks.engine.js';
import type { TemplateEngine } from '../templates/template-engine.interface.js';
import type { UrlPattern } from '../urls/url-pattern.js';

/** Options of `ClassViewsModule.forRoot()` (also what a `forRootAsync()` factory returns). */
export interface ClassViewsModuleOptions {
  /**
   * Django's `APPEND_SLASH`: a GET or HEAD for `/about` answers 301 to `/about/` when
   * `about/` is a route. Default `true`; `false` answers 404 instead.
   */
  appendSlash?: boolean;

  /**
   * Django's `DATA_UPLOAD_MAX_NUMBER_FIELDS`: the most fields a query string or a form
   * body may have; more answer 400 (`TooManyFieldsSent`). The query string is checked when
   * the view first reads `request.query`, as Django does; a form body before the view runs,
   * on both platforms. Fields are counted as Django counts them, before parsing, so the
   * check costs no more than the limit. Default `1000`; `null` (or `Infinity`) for no limit.
   * On Express the body parser's own `parameterLimit` (1000) applies first: to accept more
   * fields in bodies, raise it too (`app.useBodyParser('urlencoded', { parameterLimit })`).
   */
  dataUploadMaxNumberFields?: number | null;

  /**
   * Django's `TIME_ZONE` (with `USE_TZ` on): the IANA time zone in which the date views
   * read a datetime's day (`2008-02-10T23:30Z` is on the 11th in `'Europe/Paris'`) and
   * tell today, unless a view sets its own `timeZone`; also the default of
   * `templates.timeZone`, where the `date` filter shows a `Date`. Checked at start-up.
   * Default `'UTC'`, as Django's new projects use.
   *
   * @example
   * ClassViewsModule.forRoot({ timeZone: 'Europe/Paris' })
   */
  timeZone?: string;

  /**
   * Template settings (Django's `TEMPLATES`). The default engine is nunjucks over
   * `dirs`; `engines` adds others by name (a view picks one with `templateEngine`).
   *
   * @example
   * templates: { dirs: [join(import.meta.dirname, '..', 'templates')] }
   */
  templates?: TemplatesOptions;

  /**
   * CSRF protection, on for every unsafe method (POST, PUT, PATCH, DELETE, …) of every
   * class view: cookie and field names, trusted origins, cookie attributes. Default:
   * Django's settings (`csrftoken` cookie, `X-CSRFToken` header, `SameSite=Lax`).
   *
   * @example
   * csrf: { trustedOrigins: ['https://*.example.com'], cookieSecure: true }
   */
  csrf?: CsrfOptions;

  /**
   * Django's error pages (`handler404` and friends): a client that wants HTML (its `Accept`
   * does not rank JSON first) gets `404.html`, `403.html`, `400.html` or `500.html` from the
   * app's templates, for errors thrown anywhere (views, guards, pipes, unknown routes, body
   * parsing), and a CSRF refusal gets Django's page (or `403_csrf.html`). Statuses without
   * a template, and JSON clients, keep Nest's answers; the app's own exception filters win.
   * Default `false`.
   *
   * @example
   * ClassViewsModule.forRoot({ errorPages: true, templates: { dirs: [templatesDir] } })
   */
  errorPages?: boolean;

  /**
   * Where the access mixins (`LoginRequiredMixin`, …) find the user, its permissions and
   * the login page (Django's `LOGIN_URL` and `request.user`). Default: `request.user` (as
   * Passport sets it), a user is signed in when it is set, and its permissions are
   * `user.permissions` (a list of strings); no login URL.
   *
   * @example
   * auth: { loginUrl: '/login/', hasPermission: (user: Account, perm) => user.roles.includes(perm) }
   */
  auth?: AuthOptions;

  /**
   * The key that signs what the app keeps on the client, such as the messages cookie
   * (Django's `SECRET_KEY`; a Django site with the same key reads the same cookies). Read it
   * from the environment; every process behind a load balancer needs the same one. Setting
   * it turns messages on. Default none: messages are off.
   */
  secretKey?: string;

  /**
   * Older keys whose signatures are still accepted, for rotating `secretKey` (Django's
   * `SECRET_KEY_FALLBACKS`): put the old key here and a new one in `secretKey`, and remove
   * it once the cookies it signed have gone. Default `[]`.
   */
  secretKeyFallbacks?: readonly string[];

  /**
   * The messages framework (Django's `django.contrib.messages`): `level`, `tags`,
   * `storage`. Messages are on when `secretKey` or this option is set; with this option and
   * the default cookie storage, a missing `secretKey` fails at start-up. Default: Django's
   * settings (`INFO` and up, a signed `messages` cookie).
   *
   * @example
   * messages: { level: DEBUG, tags: { [ERROR]: 'danger' } }
   */
  messages?: MessagesOptions;
}

/** The `templates` option: the default nunjucks engine's options, plus named engines. */
export interface TemplatesOptions extends NunjucksEngineOptions {
  /** More engines by name; `nunjucks` replaces the default one. Default `{}`. */
  engines?: Record<string, TemplateEngine>;
}

/** Options fixed when the module is imported, for `forRoot()` and `forRootAsync()` alike. */
export interface ClassViewsModuleExtras {
  /**
   * Django's URLconf: routes made with `path()`, served beside the `@ClassView()`
   * providers. Their view classes are instantiated in this module.
   *
   * @example
   * urlpatterns: [path('about/', TemplateView.asView({ templateName: 'about.html' }))]
   */
  urlpatterns?: readonly UrlPattern[];
  /**
   * Modules whose exported providers the `urlpatterns` views inject (for example
   * `TypeOrmModule.forFeature([Book])`). `@ClassView()` providers inject from their own
   * module and need nothing here. Default `[]`.
   */
  imports?: ModuleMetadata['imports'];
}
