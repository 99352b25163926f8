import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import { JsonResponse } from '../http/json-response.js';
import { Form } from '../forms/form.js';
import type { Page } from '../pagination/page.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { View } from '../views/view.js';
import type { ViewConstructor } from './view-constructor.js';

type RenderingView = View & { renderToResponse(context: TemplateContext, init?: HttpResponseInit): HttpResponse };

/**
 * Serve the view's data as JSON (the JSON mixin of Django's topic on mixins). On
 * `BaseListView`/`BaseDetailView` every response is JSON; on `ListView`/`DetailView`
 * only requests whose `Accept` prefers `application/json`, others get the template.
 * A list carries `object_list` and `page` (number, numPages, count, hasNext…). On the
 * editing views, a JSON body is answered with JSON too: the saved object (201 when
 * created), or 422 and `{ errors: { field: [messages] } }`.
 *
 * @example
 * @ClassView('api/books/')
 * export class BookApiView extends JsonResponseMixin(BaseListView<Book>) { paginateBy = 20; … }
 */
export function JsonResponseMixin<TBase extends ViewConstructor<RenderingView>>(Base: TBase) {
  abstract class JsonResponseView extends Base {
    /** Whether this view can render templates too, so that `Accept` decides. */
    negotiates(): boolean {
      return typeof (this as { getTemplateNames?: unknown }).getTemplateNames === 'function';
    }

    /** Whether to answer JSON: always without templates, else when `Accept` prefers it or the body is JSON. */
    wantsJson(): boolean {
      if (!this.negotiates() || prefersJson(this.request.header('accept'))) return true;
      return /^application\/(?:[\w.+-]+\+)?json\b/i.test(this.request.header('content-type') ?? '');
    }

    /** The JSON body for `context`. Override to shape it. */
    getData(context: TemplateContext): Record<string, unknown> {
      const form = context.form;
      if (form instanceof Form && form.errors.length > 0) return { errors: form.errors.toJSON() };
      if ('object_list' in context) {
        const page = context.page_obj as Page<unknown> | null;
        return { object_list: context.object_list, page: page ? page.toJSON() : null };
      }
      return { object: context.object ?? null };
    }

    /** A `JsonResponse` of `getData(context)`. */
    renderToJsonResponse(context: TemplateContext, init: HttpResponseInit = {}): HttpResponse {
      return new JsonResponse(this.getData(context), init);
    }

    override renderToResponse(context: TemplateContext, init: HttpResponseInit = {}): HttpResponse {
      const response = this.wantsJson() ? this.renderToJsonResponse(context, init) : super.renderToResponse(context, init);
      // The answer depends on Accept only where both are possible.
      if (this.negotiates()) response.headers.set('Vary', 'Accept');
      return response;
    }
  }
  return JsonResponseView;
}

/** Whether `Accept` ranks `application/json` above `text/html` (ties go to the first listed). */
function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  let json = -1;
  let html = -1;
  accept.split(',').forEach((part, index) => {
    const [type, ...params] = part.trim().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const score = q * 1000 - index;
    if (type === 'application/json') json = Math.max(json, score);
    if (type === 'text/html' || type === '*/*') html = Math.max(html, score);
  });
  return json >= 0 && json > html;
}
