import type { ModuleRef } from '@nestjs/core';
import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { VIEW_CONTEXT } from '../class-views.constants.js';
import type { Queryset } from './to-object-source.js';

/** What the list and detail mixins read their objects from when `getQueryset()` is not overridden. */
export interface QuerysetAttributes {
  queryset: Queryset<any> | null;
  model: Function | null;
}

/** Django's default `get_queryset()`: `queryset`, else the repository of `model`, else an error naming every fix. */
export function defaultQueryset(view: object & QuerysetAttributes): Queryset<any> {
  if (view.queryset !== null) return view.queryset;
  if (view.model !== null) return resolveModel(view, view.model) as Queryset<any>;
  throw new ImproperlyConfigured(MESSAGES.missingQueryset(view.constructor.name));
}

/**
 * Whether `view` has a `name` method of its own rather than the one the library class `base`
 * gives it (a subclass's, or one its class inherits from a class between them). Start-up
 * checks use it to tell a view that reads `model` through the library's `getQueryset()`
 * from one that finds its objects itself.
 */
export function overrides(view: object, base: abstract new (...args: any[]) => object, name: string): boolean {
  return (view as Record<string, unknown>)[name] !== (base.prototype as Record<string, unknown>)[name];
}

/**
 * Start-up check (see `View.checkConfiguration()`), for a view that reads `model` through
 * the library's `getQueryset()`: the model's repository must exist, so a missing one fails
 * at start-up (`ImproperlyConfigured` naming the fix) rather than on every request.
 */
export function checkModelProvided(view: object & QuerysetAttributes): void {
  if (view.model !== null && view.queryset === null) resolveModel(view, view.model);
}

/**
 * The repository of `model` in an app (what a served view's context resolves a model to):
 * `@nestjs/typeorm` provides `TypeOrmModule.forFeature([Book])` as `BookRepository`.
 */
export function findRepository(moduleRef: ModuleRef, model: Function): unknown {
  try {
    return moduleRef.get(`${model.name}Repository`, { strict: false });
  } catch {
    throw new ImproperlyConfigured(MESSAGES.modelNotProvided(model.name));
  }
}

/** The repositories each app resolved, by model: looking a provider up costs more than the rest of a small request. */
const resolved = new WeakMap<ModelResolver, Map<Function, unknown>>();

/** What the data layer needs of the app serving a view (its `ViewContext`): the provider a model names. */
export interface ModelResolver {
  resolveModel(model: Function): unknown;
}

/** The provider `model` names in the app serving `view` (its TypeORM repository), resolved once per app. */
export function resolveModel(view: object, model: Function): unknown {
  const context = (view as { [VIEW_CONTEXT]?: ModelResolver })[VIEW_CONTEXT];
  if (!context) throw new ImproperlyConfigured(MESSAGES.viewNotServed(view.constructor.name));
  let models = resolved.get(context);
  if (!models) resolved.set(context, (models = new Map()));
  if (!models.has(model)) models.set(model, context.resolveModel(model));
  return models.get(model);
}
