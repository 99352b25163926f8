import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLASS_VIEWS_MODULE_OPTIONS } from '../class-views.module-definition.js';
import { checkTimeZone } from '../dates/calendar.js';
import { TemplateDoesNotExist } from '../exceptions/template-does-not-exist.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ViewRequest } from '../http/view-request.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { UrlResolver } from '../urls/url-resolver.js';
import { splitReverseValues } from '../urls/reverse-values.js';
import { csrfTemplateContext } from './csrf-template-context.js';
import { getMessages } from '../messages/messages-api.js';
import { NunjucksEngine } from './nunjucks.engine.js';
import type { TemplateContext, TemplateEngine } from './template-engine.interface.js';
import { MESSAGES } from '../class-views.messages.js';

/** `messages` outside a class view's request (Django's `get_messages()` without the middleware). */

/** The name of the default engine. */
export const DEFAULT_TEMPLATE_ENGINE = 'nunjucks';

/** One render: the templates to try, the full context, the request. */
interface Rendering {
  readonly templateNames: readonly string[];
  readonly context: TemplateContext;
  readonly request: ViewRequest | undefined;
}

/**
 * The configured template engines, by name (Django's `TEMPLATES`). Renders with one
 * engine when a view names it (`templateEngine`), else with the first engine that has
 * the template. Every template gets `request`, `url(name, kwargs)`, `messages` and the
 * CSRF entries in its context.
 */
@Injectable()
export class TemplateEngines {
  private readonly engines = new Map<string, TemplateEngine>();
  /** The engines in the order they are tried. */
  private readonly engineList: readonly TemplateEngine[];

  constructor(
    private readonly urls: UrlResolver,
    @Optional() @Inject(CLASS_VIEWS_MODULE_OPTIONS) options: ClassViewsModuleOptions = {},
  ) {
    const { engines = {}, ...nunjucksOptions } = options.templates ?? {};
    // The module's time zone is checked here, where start-up first reads it. The date
    // filter shows a Date in it unless the templates name their own.
    if (options.timeZone !== undefined) checkTimeZone(options.timeZone, 'ClassViewsModule');
    const timeZone = nunjucksOptions.timeZone ?? options.timeZone;
    this.engines.set(
      DEFAULT_TEMPLATE_ENGINE,
      engines[DEFAULT_TEMPLATE_ENGINE] ?? new NunjucksEngine({ ...nunjucksOptions, timeZone }),
    );
    for (const [name, engine] of Object.entries(engines)) this.engines.set(name, engine);
    this.engineList = [...this.engines.values()];
  }

  /** The engine registered under `name`. */
  get(name: string): TemplateEngine {
    const engine = this.engines.get(name);
    if (!engine) {
      throw new ImproperlyConfigured(MESSAGES.noTemplateEngine(name, [...this.engines.keys()]));
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
    return this.renderNow(templateNames, context, request, using);
  }

  /**
   * What `render()` does, with the text itself when the engine has it at once (see
   * `TemplateEngine.render()`): `TemplateResponse` renders through this, for every page.
   * @internal
   */
  renderNow(
    templateNames: readonly string[],
    context: TemplateContext,
    request?: ViewRequest,
    using?: string | null,
  ): string | Promise<string> {
    const full = {
      request,
      url: this.url,
      messages: request ? templateMessages(request) : undefined,
      ...csrfTemplateContext(request),
      ...context,
    };
    if (using) return this.get(using).render(templateNames, full, request);
    return this.renderWith({ templateNames, context: full, request }, 0, undefined);
  }

  /** Render `job` with the `index`th engine, or the next ones while the template does not exist. */
  private renderWith(job: Rendering, index: number, searched: string[] | undefined): string | Promise<string> {
    if (index === this.engineList.length) throw new TemplateDoesNotExist(job.templateNames, searched);
    let text: string | Promise<string>;
    try {
      text = this.engineList[index]!.render(job.templateNames, job.context, job.request);
    } catch (error) {
      return this.renderWithNext(job, index, searched, error);
    }
    if (typeof text === 'string') return text;
    return text.then(undefined, (error: unknown) => this.renderWithNext(job, index, searched, error));
  }

  /** After the `index`th engine failed with `error`: the next engine if the template does not exist there, else the error. */
  private renderWithNext(
    job: Rendering,
    index: number,
    searched: string[] | undefined,
    error: unknown,
  ): string | Promise<string> {
    if (!(error instanceof TemplateDoesNotExist)) throw error;
    const seen = error.searched ? [...new Set([...(searched ?? []), ...error.searched])] : searched;
    return this.renderWith(job, index + 1, seen);
  }

  /** A template's `url(name, …)`: one object of kwargs, or the values in route order, as `reverse()`. */
  private readonly url = (name: string, ...values: unknown[]) => {
    const { kwargs, args } = splitReverseValues(name, values);
    return this.urls.reverseUnchecked(name, kwargs, args);
  };
}

/**
 * The request's messages for a template, `undefined` when there are none: Django's
 * `{% if messages %}` tests the storage's length, and in nunjucks any object is true.
 * Counting does not mark them used; iterating does.
 */
function templateMessages(request: ViewRequest): ReturnType<typeof getMessages> | undefined {
  const messages = getMessages(request);
  return messages.length > 0 ? messages : undefined;
}
