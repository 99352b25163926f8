import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import { isJsonContentType, prefersJson } from '../http/accept.js';
import { JsonResponse } from '../http/json-response.js';
import { Form } from '../forms/form.js';
import type { Page } from '../pagination/page.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { View } from '../views/view.js';
import type { ViewConstructor } from './view-constructor.js';
import { patchVary } from '../http/vary.js';

type RenderingView = View & { renderToResponse(context: TemplateContext, init?: HttpResponseInit): HttpResponse };

/** The `jsonFields` value that sends every own enumerable property of each object. */
const ALL_FIELDS = '__all__';

/**
 * Serve the view's data as JSON (the JSON mixin of Django's topic on mixins). On
 * `BaseListView`/`BaseDetailView` every response is JSON; on `ListView`/`DetailView`
 * only requests whose `Accept` prefers `application/json`, others get the template.
 * A list carries `object_list` and `page` (number, numPages, count, hasNext…). On the
 * editing views, a JSON body is answered with JSON too: the saved object (201 when
 * created), or 422 and `{ errors: { field: [messages] } }`.
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
export function JsonResponseMixin<TBase extends ViewConstructor<RenderingView>>(Base: TBase) {
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

    /** Whether to answer JSON: always without templates, else when `Accept` prefers it or the body is JSON. */
    wantsJson(): boolean {
      if (!this.negotiates() || prefersJson(this.request.header('accept'))) return true;
      return isJsonContentType(this.request.header('content-type'));
    }

    /**
     * The JSON body for `context`: `{ object_list, page }` for a list, `{ object }` for a
     * detail, each object through `serializeObject()`. Override to shape the whole body.
     */
    getData(context: TemplateContext): Record<string, unknown> {
      const form = context.form;
      if (form instanceof Form && form.errors.length > 0) return { errors: form.errors.toJSON() };
      if ('object_list' in context) {
        const page = context.page_obj as Page<unknown> | null;
        const objects = context.object_list as Iterable<unknown>;
        return { object_list: Array.from(objects, (object) => this.serializeObject(object)), page: page ? page.toJSON() : null };
      }
      const object = context.object ?? null;
      return { object: object === null ? null : this.serializeObject(object) };
    }

    /** A `JsonResponse` of `getData(context)`. */
    renderToJsonResponse(context: TemplateContext, init: HttpResponseInit = {}): HttpResponse {
      return new JsonResponse(this.getData(context), init);
    }

    override renderToResponse(context: TemplateContext, init: HttpResponseInit = {}): HttpResponse {
      const response = this.wantsJson() ? this.renderToJsonResponse(context, init) : super.renderToResponse(context, init);
      // The answer depends on Accept only where both are possible.
      if (this.negotiates()) patchVary(response.headers, 'Accept');
      return response;
    }
  }
  return JsonResponseView;
}
