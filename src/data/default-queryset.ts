import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { getViewContext } from '../views/view-context.js';
import type { View } from '../views/view.js';
import type { Queryset } from './to-object-source.js';

/** What the list and detail mixins read their objects from when `getQueryset()` is not overridden. */
export interface QuerysetAttributes {
  queryset: Queryset<any> | null;
  model: Function | null;
}

/** Django's default `get_queryset()`: `queryset`, else the repository of `model`, else an error naming every fix. */
export function defaultQueryset(view: View & QuerysetAttributes): Queryset<any> {
  if (view.queryset !== null) return view.queryset;
  if (view.model !== null) return getViewContext(view).resolveModel(view.model) as Queryset<any>;
  throw new ImproperlyConfigured(MESSAGES.missingQueryset(view.constructor.name));
}
