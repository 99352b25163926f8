import { MESSAGES } from '../class-views.messages.js';
import type { Queryset } from '../data/to-object-source.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { AnswerMixin } from '../mixins/answer.mixin.js';
import { ConditionalGetMixin } from '../mixins/conditional-get.mixin.js';
import { SingleObjectMixin } from '../mixins/single-object.mixin.js';
import { SingleObjectTemplateResponseMixin } from '../mixins/single-object-template-response.mixin.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import { View } from './view.js';

/**
 * Django's `BaseDetailView`: GET finds `this.object` and answers its context as a page
 * (`renderAnswer()`), which a mixin renders (templates with `DetailView`, JSON with
 * `JsonResponseMixin`). `getLastModified()`/`getEtag()` may read `this.object`.
 */
export class BaseDetailView<T = any> extends AnswerMixin(SingleObjectMixin(ConditionalGetMixin(View))) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;

  async get(_request: ViewRequest, _args: readonly unknown[], _kwargs: unknown): Promise<HttpResponse> {
    this.object = await this.getObject();
    const notModified = await this.checkNotModified();
    if (notModified) return notModified;
    return this.withValidators(
      this.renderAnswer({ kind: 'page', context: this.getContextData({ object: this.object }) }),
    );
  }

  /** Start-up check: the route captures the object's `pk` or `slug`. */
  override checkRoute(kwargNames: ReadonlySet<string>, route: string): void {
    super.checkRoute(kwargNames, route);
    this.checkLookupInRoute(kwargNames, route);
  }

  /** Turn the context into a response; `DetailView` renders a template, `JsonResponseMixin` answers JSON. */
  renderToResponse(_context: TemplateContext, _init?: HttpResponseInit): HttpResponse {
    throw new ImproperlyConfigured(MESSAGES.noRenderToResponse(this.constructor.name, 'DetailView'));
  }
}

/** `getQueryset()` typed by the model: declared here, not overridden, so start-up checks still see the mixin's method. */
export interface BaseDetailView<T = any> {
  /** Where to search (override to filter); typed by the model. */
  getQueryset(): Queryset<T> | Promise<Queryset<T>>;
}

/**
 * Django's `DetailView`: one object, rendered with `templateName` or
 * `<model>_detail.html`, as `object` and `<model>` in the context.
 *
 * @example
 * @ClassView('books/<int:pk>/', { name: 'book-detail' })
 * export class BookDetailView extends DetailView<Book> {
 *   model = Book;
 * }
 */
export class DetailView<T = any> extends SingleObjectTemplateResponseMixin(BaseDetailView) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
}

/** `getQueryset()` typed by the model: declared here, not overridden, so start-up checks still see the mixin's method. */
export interface DetailView<T = any> {
  /** Where to search (override to filter); typed by the model. */
  getQueryset(): Queryset<T> | Promise<Queryset<T>>;
}
