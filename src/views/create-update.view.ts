import { MESSAGES } from '../class-views.messages.js';
import type { Queryset } from '../data/to-object-source.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ModelFormFieldsOf } from '../forms/model-form.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { ModelFormMixin } from '../mixins/model-form.mixin.js';
import { SingleObjectTemplateResponseMixin } from '../mixins/single-object-template-response.mixin.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import { ProcessFormMixin } from './form.view.js';
import { type Kwargs, View } from './view.js';

/** `ModelFormMixin` and the form handlers, on `View`: what the create and update views share. */
abstract class BaseModelFormView extends ProcessFormMixin(ModelFormMixin(View)) {
  /** Refuse to render: a base create or update view answers through a mixin such as `JsonResponseMixin`. */
  renderToResponse(_context: TemplateContext, _init?: HttpResponseInit): HttpResponse {
    throw new ImproperlyConfigured(MESSAGES.noRenderToResponse(this.constructor.name, 'CreateView or UpdateView'));
  }
}

/** Django's `BaseCreateView`: a model form for a new object (`this.object` is `null` until it is saved). */
export class BaseCreateView<T = any> extends BaseModelFormView {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /**
   * The model's columns the form edits, or `'__all__'`; default `null` (set it or `formClass`).
   * Typed from `T`: write the list `as const` (`fields = ['title', 'author'] as const`), or
   * annotate it (`fields: ModelFormFieldsOf<Book> = ['title']`, for a class others extend
   * with other fields); a name that is no property of `T` does not compile. TypeScript
   * types a subclass's property from its initializer alone, so a plain `['title']` is
   * `string[]` and does not compile once `T` is given. Every list is also checked against
   * the model's columns at start-up (on the first request when the model is known only
   * then), for JavaScript users too.
   */
  declare fields: ModelFormFieldsOf<T> | null;

  override async get(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): Promise<HttpResponse> {
    this.object = null;
    return super.get(request, args, kwargs);
  }

  override async post(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): Promise<HttpResponse> {
    this.object = null;
    return super.post(request, args, kwargs);
  }
}

/**
 * Django's `CreateView`: a form for a new object, rendered with `templateName` or
 * `<model>_form.html`; a valid one is stored and redirects to `successUrl`.
 *
 * @example
 * @ClassView('books/new/', { name: 'book-create' })
 * export class BookCreateView extends CreateView<Book> {
 *   model = Book;
 *   fields = ['title', 'author', 'publicationDate'] as const; // checked against Book
 *   successUrl = '/books/{id}/';
 * }
 */
export class CreateView<T = any> extends SingleObjectTemplateResponseMixin(BaseCreateView) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /**
   * The model's columns the form edits, or `'__all__'`; default `null` (set it or `formClass`).
   * Typed from `T`: write the list `as const` (`fields = ['title', 'author'] as const`), or
   * annotate it (`fields: ModelFormFieldsOf<Book> = ['title']`, for a class others extend
   * with other fields); a name that is no property of `T` does not compile. TypeScript
   * types a subclass's property from its initializer alone, so a plain `['title']` is
   * `string[]` and does not compile once `T` is given. Every list is also checked against
   * the model's columns at start-up (on the first request when the model is known only
   * then), for JavaScript users too.
   */
  declare fields: ModelFormFieldsOf<T> | null;
  override templateNameSuffix = '_form';
}

/** Django's `BaseUpdateView`: a model form for the object the URL names (404 when there is none), on GET and POST. */
export class BaseUpdateView<T = any> extends BaseModelFormView {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /**
   * The model's columns the form edits, or `'__all__'`; default `null` (set it or `formClass`).
   * Typed from `T`: write the list `as const` (`fields = ['title', 'author'] as const`), or
   * annotate it (`fields: ModelFormFieldsOf<Book> = ['title']`, for a class others extend
   * with other fields); a name that is no property of `T` does not compile. TypeScript
   * types a subclass's property from its initializer alone, so a plain `['title']` is
   * `string[]` and does not compile once `T` is given. Every list is also checked against
   * the model's columns at start-up (on the first request when the model is known only
   * then), for JavaScript users too.
   */
  declare fields: ModelFormFieldsOf<T> | null;

  /** Start-up check: the route captures the object's `pk` or `slug`. */
  override checkRoute(kwargNames: ReadonlySet<string>, route: string): void {
    super.checkRoute(kwargNames, route);
    this.checkLookupInRoute(kwargNames, route);
  }

  override async get(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): Promise<HttpResponse> {
    this.object = await this.getObject();
    return super.get(request, args, kwargs);
  }

  override async post(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): Promise<HttpResponse> {
    this.object = await this.getObject();
    return super.post(request, args, kwargs);
  }
}

/**
 * Django's `UpdateView`: a form showing the object's values, rendered with `templateName`
 * or `<model>_form.html`; a valid one updates the row and redirects.
 *
 * @example
 * @ClassView('books/<int:pk>/edit/', { name: 'book-update' })
 * export class BookUpdateView extends UpdateView<Book> {
 *   model = Book;
 *   fields = ['title', 'author'] as const; // checked against Book
 *   successUrl = '/books/{id}/';
 * }
 */
export class UpdateView<T = any> extends SingleObjectTemplateResponseMixin(BaseUpdateView) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /**
   * The model's columns the form edits, or `'__all__'`; default `null` (set it or `formClass`).
   * Typed from `T`: write the list `as const` (`fields = ['title', 'author'] as const`), or
   * annotate it (`fields: ModelFormFieldsOf<Book> = ['title']`, for a class others extend
   * with other fields); a name that is no property of `T` does not compile. TypeScript
   * types a subclass's property from its initializer alone, so a plain `['title']` is
   * `string[]` and does not compile once `T` is given. Every list is also checked against
   * the model's columns at start-up (on the first request when the model is known only
   * then), for JavaScript users too.
   */
  declare fields: ModelFormFieldsOf<T> | null;
  override templateNameSuffix = '_form';
}
