import { HttpResponse, type HttpResponseInit, type TemplateRenderer } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import type { TemplateContext } from './template-engine.interface.js';

/** Options of `TemplateResponse`. */
export interface TemplateResponseInit extends HttpResponseInit {
  /** The engine to render with (a name from the `templates.engines` option); default: the first that has the template. */
  using?: string | null;
}

/**
 * Django's `TemplateResponse`: a response rendered late, just before it is written, so
 * a handler or an interceptor can still change `templateName` or `contextData`.
 *
 * @example
 * return new TemplateResponse(request, 'about.html', { team });
 */
export class TemplateResponse extends HttpResponse {
  /** The template, or the list of templates of which the first that exists is used. */
  templateName: string | readonly string[];
  /** The context the template is rendered with. */
  contextData: TemplateContext;
  /** The engine to render with, or `null` for the first that has the template. */
  using: string | null;
  /** Whether `render()` has run. */
  isRendered = false;

  constructor(
    /** The request, given to the template as `request`. */
    readonly request: ViewRequest | undefined,
    template: string | readonly string[],
    context: TemplateContext = {},
    init: TemplateResponseInit = {},
  ) {
    // `HttpResponse` reads only its own options from `init`.
    super('', init);
    this.templateName = template;
    this.contextData = context;
    this.using = init.using ?? null;
  }

  /** The template names to try, in order. */
  get templateNames(): readonly string[] {
    return typeof this.templateName === 'string' ? [this.templateName] : this.templateName;
  }

  /** Render the template into `content` once; later calls do nothing. */
  async render(renderer: TemplateRenderer): Promise<this> {
    if (!this.isRendered) {
      this.content = await renderer.render(this.templateNames, this.contextData, this.request, this.using);
      this.isRendered = true;
    }
    return this;
  }

  override prepare(renderer: TemplateRenderer): Promise<unknown> | void {
    if (this.isRendered) return;
    // What `render()` does, without a promise when the text comes at once: this runs for every page.
    const content = renderer.render(this.templateNames, this.contextData, this.request, this.using);
    if (typeof content === 'string') {
      this.content = content;
      this.isRendered = true;
      return;
    }
    return content.then((text) => {
      if (this.isRendered) return;
      this.content = text;
      this.isRendered = true;
    });
  }
}
