import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import { TemplateResponse, type TemplateResponseInit } from '../templates/template-response.js';
import { patchVary } from '../http/vary.js';
import type { ViewConstructor } from './view-constructor.js';

/** The request headers that choose between a page and its htmx fragment. */
const HTMX_VARY = ['HX-Request', 'HX-Boosted', 'HX-History-Restore-Request'] as const;

/** A response class `renderToResponse()` may build (Django's `response_class`). */
export type TemplateResponseClass = new (
  request: ConstructorParameters<typeof TemplateResponse>[0],
  template: string | readonly string[],
  context: TemplateContext,
  init: TemplateResponseInit,
) => TemplateResponse;

/**
 * Django's `TemplateResponseMixin`: turns a context into a `TemplateResponse` for the
 * first template of `getTemplateNames()` that exists.
 */
export function TemplateResponseMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class TemplateResponseMixinView extends Base {
    /** The template to render. Default `null`: set it or override `getTemplateNames()`. */
    templateName: string | null = null;
    /** The engine to render with (a configured engine's name). Default `null`: the first that has the template. */
    templateEngine: string | null = null;
    /** The class of the response built. Default `TemplateResponse`. */
    responseClass: TemplateResponseClass = TemplateResponse;
    /** The `Content-Type`, sent verbatim. Default `null`: `text/html; charset=utf-8`. */
    contentType: string | null = null;
    /**
     * The template for an htmx request that wants a fragment (not boosted, not a history
     * restore), usually a block of the page's template: `'book_list.html#rows'`. The page
     * then varies on `HX-Request`, `HX-Boosted` and `HX-History-Restore-Request`. Default
     * `null`: htmx gets the page like any client.
     */
    htmxTemplateName: string | null = null;

    /** Build the response for `context`; `init` may set the status, headers or content type. */
    renderToResponse(context: TemplateContext, init?: TemplateResponseInit): TemplateResponse {
      const options: TemplateResponseInit = { using: this.templateEngine };
      if (this.contentType !== null) options.contentType = this.contentType;
      const fragment = this.getHtmxTemplateName();
      const names = fragment !== null && this.request.htmx?.wantsFragment ? [fragment] : this.getTemplateNames();
      const response = new this.responseClass(
        this.request,
        names,
        context,
        init ? Object.assign(options, init) : options,
      );
      if (fragment !== null) for (const header of HTMX_VARY) patchVary(response.headers, header);
      return response;
    }

    /** The template for an htmx request that wants a fragment, or `null`. Default `htmxTemplateName`. */
    getHtmxTemplateName(): string | null {
      return this.htmxTemplateName;
    }

    /** The templates to try, in order. Default `[templateName]`. */
    getTemplateNames(): string[] {
      if (this.templateName === null) throw new ImproperlyConfigured(MESSAGES.noTemplateName());
      return [this.templateName];
    }
  }
  return TemplateResponseMixinView;
}
