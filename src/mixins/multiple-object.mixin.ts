import { Logger } from '@nestjs/common';
import { MESSAGES } from '../class-views.messages.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { checkModelProvided, defaultQueryset, overrides } from '../data/default-queryset.js';
import { type Queryset, toObjectSource } from '../data/to-object-source.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { InvalidPage } from '../pagination/invalid-page.exception.js';
import type { Page } from '../pagination/page.js';
import { Paginator, parseInteger } from '../pagination/paginator.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { Kwargs } from '../views/view.js';
import { ContextMixin } from './context.mixin.js';
import type { ViewConstructor } from './view-constructor.js';

const logger = new Logger('ClassViews');
/** The view classes already warned about paginating an unordered list (Django warns once). */
const warnedUnordered = new WeakSet<Function>();

/** The objects a list view shows, once loaded (Django computes them in `get_context_data()`). */
export interface ObjectListing<T = any> {
  /** The paginator, or `null` when the view does not paginate. */
  paginator: Paginator<T> | null;
  /** The page shown, or `null` when the view does not paginate. */
  page: Page<T> | null;
  /** The objects shown: the page's, or all of them. */
  objects: T[];
  /** Whether there is more than one page (Django's `is_paginated`). */
  isPaginated: boolean;
}

/** A paginator class `getPaginator()` may build (Django's `paginator_class`). */
export type PaginatorClass = new (
  source: ObjectSource<any>,
  perPage: number,
  orphans: number,
  allowEmptyFirstPage: boolean,
) => Paginator<any>;

/**
 * Django's `MultipleObjectMixin`: where a list comes from (`queryset`, `model` or
 * `getQueryset()`), its order, its pagination and its context
 * (`object_list`, `page_obj`, `paginator`, `is_paginated`, `<model>_list`).
 */
export function MultipleObjectMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class MultipleObjectView extends ContextMixin(Base) {
    /** Serve an empty list (else 404). Default `true`. */
    allowEmpty = true;
    /** The objects: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`. */
    queryset: Queryset<any> | null = null;
    /** An entity class whose repository (`TypeOrmModule.forFeature([Model])`) lists everything. Default `null`. */
    model: Function | null = null;
    /** Objects per page; `null` (default) shows them all. */
    paginateBy: number | null = null;
    /** How many objects a last page may take over from a page that would be that small. Default `0`. */
    paginateOrphans = 0;
    /** The context name of the list besides `object_list`. Default `null`: `<model>_list`. */
    contextObjectName: string | null = null;
    /** The paginator class. Default `Paginator`. */
    paginatorClass: PaginatorClass = Paginator;
    /** The URL kwarg, then query parameter, naming the page. Default `'page'`. */
    pageKwarg = 'page';
    /** Django ordering (`'-publicationDate'` is descending), applied to whatever `getQueryset()` returns. Default `null`. */
    ordering: string | readonly string[] | null = null;

    /** The data source being listed, set by `get()` (Django's `object_list`). */
    objectList: ObjectSource<any> | null = null;
    /** What `getContextData()` shows, set by `loadObjectList()`. */
    listing?: ObjectListing;

    /** The objects to list. Default: `queryset`, else the repository of `model`. */
    getQueryset(): Queryset<any> | Promise<Queryset<any>> {
      return defaultQueryset(this);
    }

    /** Start-up check: the repository of a `model` read through this `getQueryset()`. */
    override checkConfiguration(): void {
      super.checkConfiguration();
      if (!overrides(this, MultipleObjectView, 'getQueryset')) checkModelProvided(this);
    }

    /** The ordering to apply. Default `ordering`. */
    getOrdering(): string | readonly string[] | null {
      return this.ordering;
    }

    /** The page size for `source`, or `null` for no pagination. Default `paginateBy`. */
    getPaginateBy(_source: ObjectSource<any>): number | null {
      return this.paginateBy;
    }

    /** The orphans allowed on the last page. Default `paginateOrphans`. */
    getPaginateOrphans(): number {
      return this.paginateOrphans;
    }

    /** Whether an empty list is served. Default `allowEmpty`. */
    getAllowEmpty(): boolean {
      return this.allowEmpty;
    }

    /** Build the paginator for `source`. */
    getPaginator(source: ObjectSource<any>, perPage: number, orphans = 0, allowEmptyFirstPage = true): Paginator<any> {
      return new this.paginatorClass(source, perPage, orphans, allowEmptyFirstPage);
    }

    /** The context name of the list. Default `contextObjectName`, else `<model>_list`. */
    getContextObjectName(source: ObjectSource<any> | null): string | null {
      if (this.contextObjectName) return this.contextObjectName;
      return source?.modelName ? `${source.modelName}_list` : null;
    }

    /** `getQueryset()` as an ordered `ObjectSource`. */
    async getObjectSource(): Promise<ObjectSource<any>> {
      const source = toObjectSource(await this.getQueryset(), this.constructor.name);
      const ordering = this.getOrdering();
      if (!ordering || ordering.length === 0) return source;
      if (!source.orderBy) {
        throw new ImproperlyConfigured(MESSAGES.orderingWithoutOrderBy(this.constructor.name));
      }
      return source.orderBy(typeof ordering === 'string' ? [ordering] : ordering);
    }

    /**
     * The page the request asks for: the URL kwarg, else the query parameter, else 1;
     * `last` is the last page; anything else that is not an integer, or out of range, is 404.
     */
    async paginateQueryset(
      source: ObjectSource<any>,
      pageSize: number,
    ): Promise<[Paginator<any>, Page<any>, any[], boolean]> {
      const paginator = this.getPaginator(source, pageSize, this.getPaginateOrphans(), this.getAllowEmpty());
      if (source.ordered === false && !warnedUnordered.has(this.constructor)) {
        warnedUnordered.add(this.constructor);
        logger.warn(MESSAGES.unorderedObjectList(entityNameOf(source)).message);
      }
      const asked = this.kwargs[this.pageKwarg] || this.request.query.get(this.pageKwarg) || 1;
      let number = parseInteger(asked);
      if (number === null) {
        if (asked !== 'last') throw new Http404(MESSAGES.pageNotLast());
        number = (await paginator.load()).numPages;
      }
      if (!Number.isSafeInteger(number)) {
        // Beyond 2^53 a number loses digits: no list has that many pages anyway.
        const digits = String(asked).trim().replace(/^\+/, '').replace(/_/g, '');
        throw new Http404(
          MESSAGES.invalidPage(digits, (number < 1 ? MESSAGES.pageLessThanOne() : MESSAGES.pageNoResults()).message),
        );
      }
      try {
        const page = await paginator.page(number);
        return [paginator, page, page.objectList, page.hasOtherPages()];
      } catch (error) {
        if (error instanceof InvalidPage) throw new Http404(MESSAGES.invalidPage(number, error.message));
        throw error;
      }
    }

    /** Load the page (with `paginateBy`) or the whole list, for `getContextData()`. */
    async loadObjectList(): Promise<ObjectListing> {
      const source = this.objectList ?? (this.objectList = await this.getObjectSource());
      const pageSize = this.getPaginateBy(source);
      // Any falsy size (null, 0) lists everything, as Django's `if page_size:` does.
      if (!pageSize) {
        this.listing = { paginator: null, page: null, objects: await source.slice(0), isPaginated: false };
      } else {
        const [paginator, page, objects, isPaginated] = await this.paginateQueryset(source, pageSize);
        this.listing = { paginator, page, objects, isPaginated };
      }
      return this.listing;
    }

    /** The context: `paginator`, `page_obj`, `is_paginated`, `object_list`, `<model>_list`, then `kwargs`. */
    override getContextData(kwargs: Kwargs = {}): TemplateContext {
      const listing = this.listing;
      if (!listing) {
        throw new ImproperlyConfigured(MESSAGES.objectListNotLoaded(this.constructor.name));
      }
      const objects = kwargs.objectList ?? listing.objects;
      const context: TemplateContext = {
        paginator: listing.paginator,
        page_obj: listing.page,
        is_paginated: listing.isPaginated,
        object_list: objects,
      };
      const name = this.getContextObjectName(this.objectList);
      if (name) context[name] = objects;
      // Then the caller's kwargs, which win (`objectList` was used above).
      for (const key of Object.keys(kwargs)) if (key !== 'objectList') context[key] = kwargs[key];
      return super.getContextData(context);
    }
  }
  return MultipleObjectView;
}

/** The model's class name for messages: the entity's (`Book`), else the source's model name. */
function entityNameOf(source: ObjectSource<unknown> & { entityName?: string }): string {
  return source.entityName ?? source.modelName ?? 'object list';
}
