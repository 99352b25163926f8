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
  | {
      /** A page to show: the context, rendered by the view's representation. */
      readonly kind: 'page';
      /** The template context (or the JSON body's source). */
      readonly context: TemplateContext;
      /** The status; default 200. */
      readonly status?: number;
    }
  | {
      /** A form that did not validate, shown again with its errors. */
      readonly kind: 'invalid';
      /** The bound form, with its errors. */
      readonly form: Form;
      /** The template context, the form included. */
      readonly context: TemplateContext;
      /** The status: 200 for a page, 400 for JSON. */
      readonly status: number;
    }
  | {
      /** A valid form whose work is done: redirect (or answer JSON). */
      readonly kind: 'valid';
      /** The valid form. */
      readonly form: Form;
      /** Where to go next, computed only when needed. */
      readonly successUrl: () => string;
    }
  | {
      /** An object created or updated by a model form. */
      readonly kind: 'saved';
      /** The object as saved. */
      readonly object: unknown;
      /** Whether the object is new (JSON answers 201). */
      readonly created: boolean;
      /** Where to go next, computed only when needed. */
      readonly successUrl: () => string;
    }
  | {
      /** An object deleted by a delete view. */
      readonly kind: 'deleted';
      /** The object as it was before deletion. */
      readonly object: unknown;
      /** Where to go next, computed only when needed. */
      readonly successUrl: () => string;
    };

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
          return outcome.status === undefined
            ? this.renderToResponse(outcome.context)
            : this.renderToResponse(outcome.context, { status: outcome.status });
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
  /** Render the page for `context` (a template, or JSON with `JsonResponseMixin`). */
  renderToResponse(context: TemplateContext, init?: HttpResponseInit): HttpResponse;
  /** Choose how this request is answered; override to negotiate another way. */
  getRepresentation(): Representation;
  /** The representation chosen for this request, asked once and kept. */
  representation(): Representation;
  /** Start-up check that the view can answer an outcome of this kind. */
  checkAnswer(kind: Outcome['kind']): void;
  /** Turn an outcome into the response of the chosen representation. */
  renderAnswer(outcome: Outcome): HttpResponse;
};
