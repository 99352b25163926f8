import type { Form } from '../forms/form.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import { HttpResponseRedirect } from '../http/http-response-redirect.js';
import { HttpResponseClientRedirect } from '../http/htmx-responses.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { View } from '../views/view.js';
import type { ViewConstructor } from './view-constructor.js';

/**
 * How a request is answered: `'html'` (pages and redirects, the default), `'json'`
 * (`JsonResponseMixin`), or a kind of your own (`'htmx'`…) that a mixin adds.
 */
export type Representation = 'html' | 'json' | (string & {});

/**
 * What a view has to say, before it is said in a representation (`renderAnswer()`):
 * - `page`: show the context (a list, an object, an unbound form);
 * - `invalid`: the bound `form` has errors (the page again with `status`, or 422 for JSON);
 * - `valid`: a valid form that saved nothing (a redirect to `successUrl()`);
 * - `saved`: `object` was stored, `created` or updated (a redirect, or the object: 201/200);
 * - `deleted`: `object` is being deleted (a redirect, or 204); rendered before the row goes.
 *
 * `successUrl()` is called only by the representations that redirect.
 */
export type Outcome =
  | { readonly kind: 'page'; readonly context: TemplateContext; readonly status?: number }
  | { readonly kind: 'invalid'; readonly form: Form; readonly context: TemplateContext; readonly status: number }
  | { readonly kind: 'valid'; readonly form: Form; readonly successUrl: () => string }
  | { readonly kind: 'saved'; readonly object: unknown; readonly created: boolean; readonly successUrl: () => string }
  | { readonly kind: 'deleted'; readonly object: unknown; readonly successUrl: () => string };

/** Where a view keeps the representation `representation()` chose, and the request it chose it for. */
const CHOSEN = Symbol('nestjs-class-views:representation');
const CHOSEN_FOR = Symbol('nestjs-class-views:representation-request');

/**
 * The one place where a view's outcome becomes a response (the generic views apply it).
 * `getRepresentation()` chooses how this request is answered, once (`representation()`);
 * `renderAnswer()` turns each `Outcome` into the response of that representation. Here
 * the HTML one: `renderToResponse()` for pages, a redirect to the success URL otherwise.
 *
 * A new kind of answer is one mixin that overrides both, as `JsonResponseMixin` does for
 * JSON (Django's topic guide keeps JSON in a mixin that only overrides
 * `render_to_response()`): it returns its own representation from `getRepresentation()`
 * for the requests it serves, and answers the outcomes it renders differently in
 * `renderAnswer()`, leaving the others to `super`.
 *
 * @example
 * // A representation of your own (the HTML one already answers htmx with `HX-Redirect`).
 * export function HtmxMixin<TBase extends ViewConstructor<AnsweringView>>(Base: TBase) {
 *   abstract class HtmxView extends Base {
 *     override getRepresentation() {
 *       return this.request.header('hx-request') === 'true' ? 'htmx' : super.getRepresentation();
 *     }
 *     override renderAnswer(outcome: Outcome) {
 *       if (this.representation() !== 'htmx' || !('successUrl' in outcome)) return super.renderAnswer(outcome);
 *       return new HttpResponse(null, { status: 204, headers: { 'HX-Redirect': outcome.successUrl() } });
 *     }
 *   }
 *   return HtmxView;
 * }
 */
export function AnswerMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class AnswerMixinView extends Base {
    /** Choose how this request is answered. Default `'html'`; override to negotiate. */
    getRepresentation(): Representation {
      return 'html';
    }

    /** This request's representation: `getRepresentation()`, asked once per request. */
    representation(): Representation {
      const self = this as { [CHOSEN]?: Representation; [CHOSEN_FOR]?: unknown };
      // Keyed by the request: a view object set up again (in a test) chooses again.
      if (self[CHOSEN_FOR] !== this.request) {
        self[CHOSEN] = this.getRepresentation();
        self[CHOSEN_FOR] = this.request;
      }
      return self[CHOSEN]!;
    }

    /**
     * A representation that cannot render `kind` refuses here, before the work is done
     * (JSON without `jsonFields` refuses a save). Default: every kind can be rendered.
     */
    checkAnswer(_kind: Outcome['kind']): void {}

    /**
     * Turn `outcome` into the response: the page through `renderToResponse()`, else a
     * redirect to the success URL; for htmx, `HX-Redirect` (htmx would follow a 302 itself
     * and swap the next page into the form's place).
     */
    renderAnswer(outcome: Outcome): HttpResponse {
      switch (outcome.kind) {
        case 'page':
          return outcome.status === undefined ? this.renderToResponse(outcome.context) : this.renderToResponse(outcome.context, { status: outcome.status });
        case 'invalid':
          return this.renderToResponse(outcome.context, { status: outcome.status });
        default: {
          const url = outcome.successUrl();
          return this.request.htmx ? new HttpResponseClientRedirect(url) : new HttpResponseRedirect(url);
        }
      }
    }

    /** Turn a context into a page: `TemplateResponseMixin` renders a template, `JsonResponseMixin` answers JSON. */
    abstract renderToResponse(context: TemplateContext, init?: HttpResponseInit): HttpResponse;
  }
  return AnswerMixinView;
}

/** A view that answers through `AnswerMixin`: what a mixin that adds a representation extends. */
export type AnsweringView = View & {
  renderToResponse(context: TemplateContext, init?: HttpResponseInit): HttpResponse;
  getRepresentation(): Representation;
  representation(): Representation;
  checkAnswer(kind: Outcome['kind']): void;
  renderAnswer(outcome: Outcome): HttpResponse;
};
