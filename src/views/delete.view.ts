import { MESSAGES } from '../class-views.messages.js';
import type { Queryset } from '../data/to-object-source.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { Form, type FormClass } from '../forms/form.js';
import { DeletionMixin } from '../mixins/deletion.mixin.js';
import { FormMixin } from '../mixins/form.mixin.js';
import { SingleObjectMixin } from '../mixins/single-object.mixin.js';
import { SingleObjectTemplateResponseMixin } from '../mixins/single-object-template-response.mixin.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import { type Kwargs, View } from './view.js';

/**
 * Django's `BaseDeleteView` (4.0 and later): GET shows the object and a confirmation
 * form; POST validates the form (empty by default) and deletes; the DELETE method
 * deletes without a form. The object is looked up each time, 404 when missing.
 */
export class BaseDeleteView<T = any> extends DeletionMixin(FormMixin(SingleObjectMixin(View))) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  override formClass: FormClass | null = Form;

  override async get(_request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): Promise<HttpResponse> {
    this.object = await this.getObject();
    return this.renderAnswer({
      kind: 'page',
      context: this.getContextData({ object: this.object, form: await this.getForm() }),
    });
  }

  override async post(_request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): Promise<HttpResponse> {
    this.object = await this.getObject();
    const form = await this.getForm();
    return (await form.isValid()) ? this.formValid(form) : this.formInvalid(form);
  }

  /** Start-up check: the route captures the object's `pk` or `slug`. */
  override checkRoute(kwargNames: ReadonlySet<string>, route: string): void {
    super.checkRoute(kwargNames, route);
    this.checkLookupInRoute(kwargNames, route);
  }

  /** The confirmation is valid: delete the object and redirect. */
  override formValid(_form: Form): Promise<HttpResponse> {
    return this.deleteObject();
  }

  renderToResponse(_context: TemplateContext, _init?: HttpResponseInit): HttpResponse {
    throw new ImproperlyConfigured(MESSAGES.noRenderToResponse(this.constructor.name, 'DeleteView'));
  }
}

/** `getQueryset()` typed by the model: declared here, not overridden, so start-up checks still see the mixin's method. */
export interface BaseDeleteView<T = any> {
  /** Where to search (override to filter); typed by the model. */
  getQueryset(): Queryset<T> | Promise<Queryset<T>>;
}

/**
 * Django's `DeleteView`: a confirmation page (`templateName` or
 * `<model>_confirm_delete.html`) whose form deletes the object and redirects.
 *
 * @example
 * @ClassView('books/<int:pk>/delete/', { name: 'book-delete' })
 * export class BookDeleteView extends DeleteView<Book> {
 *   model = Book;
 *   successUrl = '/books/';
 * }
 */
export class DeleteView<T = any> extends SingleObjectTemplateResponseMixin(BaseDeleteView) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  override templateNameSuffix = '_confirm_delete';
}

/** `getQueryset()` typed by the model: declared here, not overridden, so start-up checks still see the mixin's method. */
export interface DeleteView<T = any> {
  /** Where to search (override to filter); typed by the model. */
  getQueryset(): Queryset<T> | Promise<Queryset<T>>;
}
