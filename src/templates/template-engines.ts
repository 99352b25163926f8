import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLASS_VIEWS_MODULE_OPTIONS } from '../class-views.module-definition.js';
import { TemplateDoesNotExist } from '../exceptions/template-does-not-exist.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ViewRequest } from '../http/view-request.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { UrlResolver } from '../urls/url-resolver.js';
import { csrfTemplateContext } from '../csrf/csrf-template-context.js';
import { NunjucksEngine } from './nunjucks.engine.js';
import type { TemplateContext, TemplateEngine } from './template-engine.interface.js';

/** The name of the default engine. */
export const DEFAULT_TEMPLATE_ENGINE = 'nunjucks';

/**
 * The configured template engines, by name (Django's `TEMPLATES`). Renders with one
 * engine when a view names it (`templateEngine`), else with the first engine that has
 * the template. Every template gets `request` and `url(name, kwargs)` in its context.
 */
@Injectable()
export class TemplateEngines {
  private readonly engines = new Map<string, TemplateEngine>();

  constructor(
    private readonly urls: UrlResolver,
    @Optional() @Inject(CLASS_VIEWS_MODULE_OPTIONS) options: ClassViewsModuleOptions = {},
  ) {
    const { engines = {}, ...nunjucksOptions } = options.templates ?? {};
    this.engines.set(DEFAULT_TEMPLATE_ENGINE, engines[DEFAULT_TEMPLATE_ENGINE] ?? new NunjucksEngine(nunjucksOptions));
    for (const [name, engine] of Object.entries(engines)) this.engines.set(name, engine);
  }

  /** The engine registered under `name`. */
  get(name: string): TemplateEngine {
    const engine = this.engines.get(name);
    if (!engine) {
      const known = [...this.engines.keys()].map((key) => `'${key}'`).join(', ');
      throw new ImproperlyConfigured(`No template engine named '${name}'. Configured engines: ${known}.`);
    }
    return engine;
  }

  /** Render the first existing template of `templateNames` (with engine `using`, if given). */
  async render(
    templateNames: readonly string[],
    context: TemplateContext,
    request?: ViewRequest,
    using?: string | null,
  ): Promise<string> {
    const full = { request, url: this.url, ...csrfTemplateContext(request), ...context };
    if (using) return this.get(using).render(templateNames, full, request);
    let searched: string[] | undefined;
    for (const engine of this.engines.values()) {
      try {
        return await engine.render(templateNames, full, request);
      } catch (error) {
        if (!(error instanceof TemplateDoesNotExist)) throw error;
        if (error.searched) searched = [...new Set([...(searched ?? []), ...error.searched])];
      }
    }
    throw new TemplateDoesNotExist(templateNames, searched);
  }

  private readonly url = (name: string, kwargs?: Record<string, unknown>) => this.urls.reverse(name, kwargs);
}
