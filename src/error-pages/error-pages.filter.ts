import {
  type ArgumentsHost,
  Catch,
  HttpException,
  type HttpServer,
  Injectable,
  IntrinsicException,
  Logger,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { MESSAGES } from '../class-views.messages.js';
import { CsrfFailure } from '../csrf/csrf-failure.exception.js';
import { CsrfProtection } from '../csrf/csrf-protection.js';
import { attachCsrfState } from '../csrf/csrf-state.js';
import { TemplateDoesNotExist } from '../exceptions/template-does-not-exist.exception.js';
import { isJsonContentType, prefersJson } from '../http/accept.js';
import { HttpResponse } from '../http/http-response.js';
import { quote } from '../http/quote.js';
import { ViewRequest } from '../http/view-request.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import { TemplateEngines } from '../templates/template-engines.js';
import {
  builtInCsrfFailurePage,
  builtInErrorPage,
  CSRF_FAILURE_TEMPLATE,
  csrfFailureContext,
  ERROR_PAGE_TEMPLATES,
} from './built-in-pages.js';

const logger = new Logger('ExceptionsHandler');

/**
 * The CSRF failure and server error pages print no token, as Django's, whose `{% csrf_token %}`
 * prints nothing there: a layout with a form (a logout button) still renders.
 */
const NO_CSRF_TOKEN = { csrf_token: '', csrf_input: () => '' };

/** A page to render for an error: its template, context and what to send when it fails. */
export interface ErrorPage {
  /** The response's status code: 400, 403, 404 or 500. */
  readonly status: number;
  /** The template to render (Django's `404.html` and the others). */
  readonly template: string;
  /** The template's context: `request_path`, and `exception` but on the 400 page. */
  readonly context: TemplateContext;
  /** The request to render with; `undefined` for the 500 page, which Django renders bare. */
  readonly request: ViewRequest | undefined;
  /** The body when the template does not exist: `null` keeps Nest's answer. */
  readonly whenMissing: string | null;
}

/**
 * Django's error handlers (`handler400`, `handler403`, `handler404`, `handler500` and
 * `CSRF_FAILURE_VIEW`): a client that wants HTML gets `400.html`, `403.html`, `404.html` or
 * `500.html` rendered by the app's template engines, a CSRF refusal Django's page or
 * `403_csrf.html`. The rest goes to Nest's own filter, as without it: JSON clients, other
 * statuses, and pages the app has no template for. `ClassViewsModule.forRoot({ errorPages: true })`
 * registers it behind every filter of the app, so an app's own `@Catch()` filters win.
 *
 * The context is Django's: `request_path` (percent-encoded) and `request` for every page but
 * the 500, `exception` (the exception's message) for 403 and 404; the 500 page gets an empty
 * context, and nothing of the error reaches any page. A template that fails to render is
 * logged and replaced by Django's built-in body for its status.
 *
 * @example
 * // One line, behind the app's own filters:
 * ClassViewsModule.forRoot({ errorPages: true, templates: { dirs: [templatesDir] } })
 * // Or where the app wants it among its global filters (the option left off):
 * app.useGlobalFilters(app.get(ErrorPagesFilter));
 */
@Catch()
@Injectable()
export class ErrorPagesFilter extends BaseExceptionFilter {
  /** @internal Made by Nest's injector. */
  constructor(
    private readonly templates: TemplateEngines,
    private readonly csrf: CsrfProtection,
  ) {
    super();
  }

  /** Answer an HTTP request's error with its page when the template exists; anything else as Nest does. */
  override catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    if (host.getType() !== 'http') return super.catch(exception, host);
    const http = host.switchToHttp();
    const status = this.statusOf(exception);
    const platformRequest = http.getRequest();
    const request = new ViewRequest(platformRequest, String(platformRequest.method), requestUrl(platformRequest));
    const page = this.pageFor(exception, status, request);
    const adapter = this.applicationRef ?? this.httpAdapterHost?.httpAdapter;
    if (!page || !adapter || adapter.isHeadersSent(http.getResponse()) || this.wantsJson(request))
      return super.catch(exception, host);
    // Nest does not wait for a filter's promise: nothing may reject unhandled.
    return this.answer(page, exception, host, adapter).catch((error: unknown) => logger.error(error));
  }

  /** Write `page`, or Nest's answer when the app has no template for it. */
  private async answer(page: ErrorPage, exception: unknown, host: ArgumentsHost, adapter: HttpServer): Promise<void> {
    const body = await this.render(page);
    if (body === null) return super.catch(exception, host);
    if (page.status === 500) this.logUnknown(exception);
    adapter.reply(host.switchToHttp().getResponse(), new HttpResponse(body, { status: page.status }), page.status);
  }

  /**
   * Whether the client keeps Nest's JSON: its `Accept` ranks JSON above HTML, or it names
   * no HTML type (none, or only `*\/*`) and the request sent JSON, as a script does.
   */
  protected wantsJson(request: ViewRequest): boolean {
    const accept = request.header('accept');
    if (prefersJson(accept)) return true;
    return !namesHtml(accept) && isJsonContentType(request.header('content-type'));
  }

  /** The status Nest answers `exception` with: an `HttpException`'s, an HTTP error's (`statusCode`), else 500. */
  protected statusOf(exception: unknown): number {
    if (exception instanceof HttpException) return exception.getStatus();
    const code = (exception as { statusCode?: unknown } | null)?.statusCode;
    return this.isHttpError(exception) && typeof code === 'number' ? code : 500;
  }

  /** The page for `exception`, or `null` when Django has none for its status. */
  protected pageFor(exception: unknown, status: number, request: ViewRequest): ErrorPage | null {
    if (exception instanceof CsrfFailure) {
      const context = { ...csrfFailureContext(exception.reason), ...NO_CSRF_TOKEN };
      return {
        status,
        template: CSRF_FAILURE_TEMPLATE,
        context,
        request,
        whenMissing: builtInCsrfFailurePage(context),
      };
    }
    const template = ERROR_PAGE_TEMPLATES[status];
    if (template === undefined) return null;
    if (status === 500)
      return { status, template, context: { ...NO_CSRF_TOKEN }, request: undefined, whenMissing: null };
    attachCsrfState(this.csrf, request);
    const context: TemplateContext = { request_path: requestPath(request) };
    if (status !== 400) context.exception = readableException(exception);
    return { status, template, context, request, whenMissing: null };
  }

  /** The page's body: its template, its built-in body when the template is missing or fails, `null` to keep Nest's answer. */
  private async render(page: ErrorPage): Promise<string | null> {
    try {
      return await this.templates.renderNow([page.template], page.context, page.request);
    } catch (error) {
      if (error instanceof TemplateDoesNotExist && error.tried.includes(page.template)) return page.whenMissing;
      logger.error(MESSAGES.errorPageFailed(page.template).message);
      logger.error(error);
      return page.whenMissing ?? builtInErrorPage(page.status);
    }
  }

  /** Log a 500 as Nest's own filter does. */
  private logUnknown(exception: unknown): void {
    if (!(exception instanceof IntrinsicException)) logger.error(exception);
  }
}

/** The URL a platform request was made for: Express's `originalUrl`, Fastify's Node request's. */
function requestUrl(request: { url?: string; originalUrl?: string; raw?: { url?: string } }): string {
  return request.originalUrl ?? request.raw?.url ?? request.url ?? '/';
}

/** Whether `Accept` names `text/html` or `text/*` (with a q-value above 0 or not). */
function namesHtml(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/(?:html|\*)/i.test(accept);
}

/** Django's `quote(request.path)`. */
function requestPath(request: ViewRequest): string {
  return quote(request.path);
}

/** Django's `get_readable_exception()`: the message when it is a non-empty string, else the class name. */
function readableException(exception: unknown): string {
  const message = (exception as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message !== '') return message;
  return (exception as object | null)?.constructor?.name ?? 'Error';
}
