import { MESSAGES } from '../class-views.messages.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import type { Queryset } from '../data/to-object-source.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { AnswerMixin } from '../mixins/answer.mixin.js';
import { ConditionalGetMixin } from '../mixins/conditional-get.mixin.js';
import { MultipleObjectMixin } from '../mixins/multiple-object.mixin.js';
import { MultipleObjectTemplateResponseMixin } from '../mixins/multiple-object-template-response.mixin.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import { View } from './view.js';

/**
 * Django's `BaseListView`: GET loads the list (or the requested page) and answers its
 * context as a page (`renderAnswer()`), which a mixin renders (templates with `ListView`,
 * JSON with `JsonResponseMixin`).
 */
export class BaseListView<T = any> extends AnswerMixin(MultipleObjectMixin(ConditionalGetMixin(View))) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;

  async get(_request: ViewRequest, _args: readonly unknown[], _kwargs: unknown): Promise<HttpResponse> {
    const source = await this.getObjectSource();
    this.objectList = source;
    if (!this.getAllowEmpty()) {
      const paginated = !!this.getPaginateBy(source);
      const empty = paginated && source.exists ? !(await source.exists()) : (await source.count()) === 0;
      if (empty) throw new Http404(MESSAGES.emptyList(this.constructor.name));
    }
    const notModified = await this.checkNotModified();
    if (notModified) return notModified;
    await this.loadObjectList();
    return this.withValidators(this.renderAnswer({ kind: 'page', context: this.getContextData() }));
  }

  /** Turn the context into a response; `ListView` renders a template, `JsonResponseMixin` answers JSON. */
  renderToResponse(_context: TemplateContext, _init?: HttpResponseInit): HttpResponse {
    throw new ImproperlyConfigured(MESSAGES.noRenderToResponse(this.constructor.name, 'ListView'));
  }
}

/** `getQueryset()` typed by the model: declared here, not overridden, so start-up checks still see the mixin's method. */
export interface BaseListView<T = any> {
  /** The objects to list (override to filter); typed by the list's model. */
  getQueryset(): Queryset<T> | Promise<Queryset<T>>;
}

/**
 * Django's `ListView`: a paginated list rendered with `templateName` or
 * `<model>_list.html`, with `object_list`, `page_obj`, `paginator`, `is_paginated` and
 * `<model>_list` in the context.
 *
 * @example
 * @ClassView('books/', { name: 'book-list' })
 * export class BookListView extends ListView<Book> {
 *   paginateBy = 20;
 *   ordering = ['-publicationDate'];
 *   constructor(@InjectRepository(Book) readonly books: Repository<Book>) { super(); }
 *   getQueryset() { return this.books; }
 * }
 */
export class ListView<T = any> extends MultipleObjectTemplateResponseMixin(BaseListView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
}

/** `getQueryset()` typed by the model: declared here, not overridden, so start-up checks still see the mixin's method. */
export interface ListView<T = any> {
  /** The objects to list (override to filter); typed by the list's model. */
  getQueryset(): Queryset<T> | Promise<Queryset<T>>;
}
