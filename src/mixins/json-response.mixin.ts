import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { HttpResponse, type HttpResponseInit } from '../http/http-response.js';
import { isJsonContentType, prefersJson } from '../http/accept.js';
import { JsonResponse } from '../http/json-response.js';
import type { Page } from '../pagination/page.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { AnsweringView, Outcome, Representation } from './answer.mixin.js';
import type { ViewConstructor } from './view-constructor.js';
import { patchVary } from '../http/vary.js';
import type { Kwargs } from '../views/view.js';

/** A view that answers through `AnswerMixin` and builds contexts (every generic view but `RedirectView`). */
type JsonCapableView = AnsweringView & { getContextData(kwargs?: Kwargs): TemplateContext };

/** A view with more than its objects to say in JSON: the date views' `date_list`, `month`, `next_month`… */
interface ContextJsonView {
  getContextJson(context: TemplateContext): Record<string, unknown>;
}

/** The `jsonFields` value that sends every own enumerable property of each object. */
const ALL_FIELDS = '__all__';

/**
 * Serve the view's data as JSON (the JSON mixin of Django's topic on mixins): the JSON
 * representation of `AnswerMixin`, chosen in `getRepresentation()` and rendered in
 * `renderAnswer()`, for the list, detail and editing views alike. On
 * `BaseListView`/`BaseDetailView` every response is JSON; on the views with templates,
 * requests whose `Accept` prefers `application/json`, or whose body is JSON, get JSON and
 * others the template. A page carries `object_list` and `page` (number, numPages, count,
 * hasNext…), or `object`; a date view's page also its dates, under the context's names
 * (`date_list`, `month`, `next_month`, `previous_month`…, as `YYYY-MM-DD`); a save
 * answers the object (201 when created), an invalid form 422 and
 * `{ errors: { field: [messages] } }`, a deletion 204.
 *
 * Each object goes through `serializeObject()`, which by default keeps only the fields
 * listed in `jsonFields` (Django's `values('id', 'title')`). A view must say which
 * fields it sends: without `jsonFields` (or its own `serializeObject()`/`getData()`),
 * a JSON request fails with `ImproperlyConfigured`, as Django's ModelFormMixin refuses
 * a form without `fields`, so a new column never leaks by default.
 *
 * @example
 * @ClassView('api/books/')
 * export class BookApiView extends JsonResponseMixin(BaseListView<Book>) {
 *   model = Book;
 *   jsonFields = ['id', 'title', 'author'];
 *   paginateBy = 20;
 * }
 */
export function JsonResponseMixin<TBase extends ViewConstructor<JsonCapableView>>(Base: TBase) {
  abstract class JsonResponseView extends Base {
    /**
     * The fields of each object the JSON carries, in this order (Django's `values()`
     * list), or `'__all__'` for every own enumerable property. Default `null`: a JSON
     * request fails with `ImproperlyConfigured` until the view chooses (or overrides
     * `serializeObject()` or `getData()`).
     */
    jsonFields: readonly string[] | '__all__' | null = null;

    /** The fields each object's JSON carries: `jsonFields`, or `ImproperlyConfigured` when unset. */
    getJsonFields(): readonly string[] | '__all__' {
      if (this.jsonFields === null || this.jsonFields === undefined) {
        throw new ImproperlyConfigured(MESSAGES.jsonFieldsMissing(this.constructor.name));
      }
      return this.jsonFields;
    }

    /**
     * One object as the JSON carries it: by default a plain object of its
     * `getJsonFields()` (every own enumerable property for `'__all__'`); values that are
     * not objects (numbers, strings) as they are. Override to shape each object; the
     * list and detail bodies, and any view that answers an object as JSON, go through it.
     * @throws ImproperlyConfigured when a listed field is not on the object.
     */
    serializeObject(object: unknown): unknown {
      if (object === null || typeof object !== 'object') return object;
      const fields = this.getJsonFields();
      if (fields === ALL_FIELDS) return { ...object };
      const source = object as Record<string, unknown>;
      const data: Record<string, unknown> = {};
      for (const field of fields) {
        if (!(field in source)) {
          throw new ImproperlyConfigured(MESSAGES.jsonFieldUnknown(this.constructor.name, field, Object.keys(source)));
        }
        data[field] = source[field];
      }
      return data;
    }

    /** Whether this view can render templates too, so that `Accept` decides. */
    negotiates(): boolean {
      return typeof (this as { getTemplateNames?: unknown }).getTemplateNames === 'function';
    }

    /**
     * `'json'` always without templates, else when `Accept` prefers JSON or the body is
     * JSON; otherwise the representation of the view below (`'html'`).
     */
    override getRepresentation(): Representation {
      if (!this.negotiates() || prefersJson(this.request.header('accept'))) return 'json';
      if (isJsonContentType(this.request.header('content-type'))) return 'json';
      return super.getRepresentation();
    }

    /**
     * The JSON body for a page's `context`: `{ object_list, page }` for a list (with what the
     * view's `getContextJson()` adds, where it has one: a date view's `date_list`, `year`,
     * `next_year`…), `{ object }` for a detail or a form, each object through
     * `serializeObject()`. Override to shape the whole body.
     */
    getData(context: TemplateContext): Record<string, unknown> {
      if ('object_list' in context) {
        const page = context.page_obj as Page<unknown> | null;
        const objects = context.object_list as Iterable<unknown>;
        const more = (this as Partial<ContextJsonView>).getContextJson?.(context) ?? {};
        return {
          object_list: Array.from(objects, (object) => this.serializeObject(object)),
          page: page ? page.toJSON() : null,
          ...more,
        };
      }
      const object = context.object ?? null;
      return { object: object === null ? null : this.serializeObject(object) };
    }

    /** A `JsonResponse` of `getData(context)`. */
    renderToJsonResponse(context: TemplateContext, init: HttpResponseInit = {}): HttpResponse {
      return new JsonResponse(this.getData(context), init);
    }

    /** A page: JSON for a JSON request (the topic guide's `render_to_response()`), else the view's page. */
    override renderToResponse(context: TemplateContext, init: HttpResponseInit = {}): HttpResponse {
      const response =
        this.representation() === 'json'
          ? this.renderToJsonResponse(context, init)
          : super.renderToResponse(context, init);
      return this.varyOnAccept(response);
    }

    /**
     * The JSON answers: an invalid form is 422 and `{ errors }`, a saved object `{ object }`
     * (201 when created), a deletion 204; a page goes through `renderToResponse()`, and a
     * valid form that saved nothing redirects, as for a browser.
     */
    override renderAnswer(outcome: Outcome): HttpResponse {
      if (this.representation() !== 'json') return this.varyOnAccept(super.renderAnswer(outcome));
      switch (outcome.kind) {
        case 'invalid':
          return this.varyOnAccept(new JsonResponse({ errors: outcome.form.errors.toJSON() }, { status: 422 }));
        case 'saved':
          return this.renderToResponse(this.getContextData({ object: outcome.object }), {
            status: outcome.created ? 201 : 200,
          });
        case 'deleted':
          return this.varyOnAccept(new HttpResponse(null, { status: 204 }));
        default:
          return this.varyOnAccept(super.renderAnswer(outcome));
      }
    }

    /** A JSON answer to a save needs `jsonFields`: refused before anything is written. */
    override checkAnswer(kind: Outcome['kind']): void {
      super.checkAnswer(kind);
      if (kind === 'saved' && this.representation() === 'json') this.getJsonFields();
    }

    /** Add `Vary: Accept` where the answer depends on it: on views that have templates too. */
    varyOnAccept(response: HttpResponse): HttpResponse {
      if (this.negotiates()) patchVary(response.headers, 'Accept');
      return response;
    }
  }
  return JsonResponseView;
}
