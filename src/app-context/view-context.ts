import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { AuthOptions } from '../interfaces/auth-options.interface.js';
import type { CsrfProtection } from '../csrf/csrf-protection.js';
import type { MessageService } from '../messages/message.service.js';
import type { TemplateEngines } from '../templates/template-engines.js';
import type { UrlResolver } from '../urls/url-resolver.js';
import { VIEW_CONTEXT } from '../class-views.constants.js';
import { MESSAGES } from '../class-views.messages.js';

/** The application services a served view may need without injecting them itself. */
export interface ViewContext {
  readonly urls: UrlResolver;
  readonly templates: TemplateEngines;
  /** The CSRF check every request of the view goes through. */
  readonly csrf: CsrfProtection;
  /** The `auth` option: how the access mixins read the user and its permissions. */
  readonly auth: AuthOptions;
  /** The `timeZone` option: where the date views read a datetime's day, unless they set their own. */
  readonly timeZone?: string;
  /** Gives every request of the view its messages (when messages are on). */
  readonly messages?: MessageService;
  /** The provider that `model` names: `@nestjs/typeorm`'s repository for that entity. */
  resolveModel(model: Function): unknown;
}

/** The context of the app serving `view`; throws for a view built by hand. */
export function getViewContext(view: object): ViewContext {
  const context = (view as { [VIEW_CONTEXT]?: ViewContext })[VIEW_CONTEXT];
  if (!context) {
    throw new ImproperlyConfigured(MESSAGES.viewNotServed(view.constructor.name));
  }
  return context;
}

/** The `auth` option of the app serving `view`; none for a view built by hand. */
export function authOptionsOf(view: object): AuthOptions {
  return (view as { [VIEW_CONTEXT]?: ViewContext })[VIEW_CONTEXT]?.auth ?? {};
}

/** The `timeZone` option of the app serving `view`; `undefined` for a view built by hand, or when unset. */
export function timeZoneOf(view: object): string | undefined {
  return (view as { [VIEW_CONTEXT]?: ViewContext })[VIEW_CONTEXT]?.timeZone;
}
