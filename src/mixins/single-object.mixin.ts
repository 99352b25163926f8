import { MESSAGES } from '../class-views.messages.js';
import { modelNameOf, verboseNameOf } from '../data/model-names.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { checkModelProvided, defaultQueryset, overrides } from '../data/default-queryset.js';
import { type Queryset, toObjectSource } from '../data/to-object-source.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { Kwargs } from '../views/view.js';
import { ContextMixin } from './context.mixin.js';
import type { ViewConstructor } from './view-constructor.js';
import { codedError } from '../utils/coded-message.js';

/**
 * Django's `SingleObjectMixin`: finds one object by the URL's `pk` or `slug` and puts
 * it in the context as `object` and `<model>`.
 */
export function SingleObjectMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class SingleObjectView extends ContextMixin(Base) {
    /** An entity class whose repository (`TypeOrmModule.forFeature([Model])`) is searched. Default `null`. */
    model: Function | null = null;
    /** Where to search: a TypeORM repository or query builder (filters kept), an array or an `ObjectSource`. Default `null`. */
    queryset: Queryset<any> | null = null;
    /** The model field a slug is matched against. Default `'slug'`. */
    slugField = 'slug';
    /** The context name of the object besides `object`. Default `null`: the model name. */
    contextObjectName: string | null = null;
    /** The URL kwarg holding the slug. Default `'slug'`. */
    slugUrlKwarg = 'slug';
    /** The URL kwarg holding the primary key. Default `'pk'`. */
    pkUrlKwarg = 'pk';
    /** Match the slug as well when the URL has both a pk and a slug. Default `false`. */
    queryPkAndSlug = false;

    /** The object found, set by `get()`. */
    object: any = null;
    /** The model name of the source searched, for context and template names. */
    objectModelName?: string;

    /** Where to search. Default: `queryset`, else the repository of `model`. */
    getQueryset(): Queryset<any> | Promise<Queryset<any>> {
      return defaultQueryset(this);
    }

    /**
     * Start-up check: the repository of a `model` read through this `getQueryset()` and
     * `getObject()`; a view with either of its own finds its object itself.
     */
    override checkConfiguration(): void {
      super.checkConfiguration();
      if (!overrides(this, SingleObjectView, 'getQueryset') && !overrides(this, SingleObjectView, 'getObject'))
        checkModelProvided(this);
    }

    /**
     * Start-up check for the views that find their object from the URL (detail, update and
     * delete call it from `checkRoute()`): the route captures `pkUrlKwarg` or `slugUrlKwarg`.
     * A view with its own `getObject()` is checked per request instead.
     */
    checkLookupInRoute(kwargNames: ReadonlySet<string>, route: string): void {
      if (
        overrides(this, SingleObjectView, 'getObject') ||
        kwargNames.has(this.pkUrlKwarg) ||
        kwargNames.has(this.slugUrlKwarg)
      )
        return;
      throw new ImproperlyConfigured(
        MESSAGES.routeWithoutLookup(this.constructor.name, route, this.pkUrlKwarg, this.slugUrlKwarg),
      );
    }

    /** The data source `getQueryset()` returns, adapted (`toObjectSource()`): what edit views write through. */
    async getObjectSource(): Promise<ObjectSource<any>> {
      return toObjectSource(await this.getQueryset(), this.constructor.name);
    }

    /** The field slugs are matched against. Default `slugField`. */
    getSlugField(): string {
      return this.slugField;
    }

    /** The object the URL names, or 404 (`No <model> found matching the query`). Only URL kwargs count. */
    async getObject(queryset?: Queryset<any>): Promise<any> {
      const name = this.constructor.name;
      const source: ObjectSource<any> = toObjectSource(queryset ?? (await this.getQueryset()), name);
      const pk = this.kwargs[this.pkUrlKwarg];
      const slug = this.kwargs[this.slugUrlKwarg];
      // The route was checked at start-up (`checkLookupInRoute()`); a `getObject()` of the view's own was not.
      if (pk == null && slug == null) throw codedError(Error, MESSAGES.detailWithoutLookup(name));
      const lookup: Record<string, unknown> = {};
      if (pk != null) lookup.pk = pk;
      if (slug != null && (pk == null || this.queryPkAndSlug)) lookup[this.getSlugField()] = slug;
      if (!source.get) throw new ImproperlyConfigured(MESSAGES.sourceWithoutGet(name));
      this.objectModelName = source.modelName;
      const found = await source.get(lookup);
      if (found === null || found === undefined) {
        const modelName = this.model
          ? verboseNameOf(this.model.name)
          : (source.verboseName ?? source.modelName ?? 'object');
        throw new Http404(MESSAGES.objectNotFound(modelName));
      }
      return found;
    }

    /** The model name of `object` (its class), else of the source. */
    getModelName(object: unknown): string | undefined {
      const ctor = (object as { constructor?: Function } | null)?.constructor;
      if (ctor && ctor !== Object) return modelNameOf(ctor.name);
      return this.objectModelName ?? (this.model ? modelNameOf(this.model.name) : undefined);
    }

    /** The context name of the object. Default `contextObjectName`, else the model name. */
    getContextObjectName(object: unknown): string | null {
      return this.contextObjectName ?? this.getModelName(object) ?? null;
    }

    /** The context: `object` and `<model>` (when there is an object), then `kwargs`. */
    override getContextData(kwargs: Kwargs = {}): TemplateContext {
      const context: TemplateContext = {};
      if (this.object) {
        context.object = this.object;
        const name = this.getContextObjectName(this.object);
        if (name) context[name] = this.object;
      }
      return super.getContextData({ ...context, ...kwargs });
    }
  }
  return SingleObjectView;
}
