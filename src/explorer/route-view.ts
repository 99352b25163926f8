import { HTTP_METHOD_NAMES, VIEW_CONTEXT } from '../class-views.constants.js';
import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { RoutePattern } from '../urls/route-pattern.js';
import type { ViewContext } from '../app-context/view-context.js';
import { View, type ViewRoute } from '../views/view.js';
import { codedError } from '../utils/coded-message.js';

/**
 * The view object of one route in one app: the view's provider `instance` with the route's
 * `asView()` overrides and the app's `context` over it. Each request's view is made with it
 * as prototype. Checked at start-up: the overrides name attributes the view has (Django's
 * `as_view()` check), the handlers of the route's method names agree on sync or async, and
 * the view's own `checkConfiguration()` and `checkRoute()` with the names `pattern` captures.
 */
export function createRouteView(
  { viewClass, initkwargs, pattern }: ViewRoute & { readonly pattern: RoutePattern },
  instance: unknown,
  context: ViewContext,
): View {
  if (!(instance instanceof View)) throw new ImproperlyConfigured(MESSAGES.notAView(viewClass.name));
  for (const key in initkwargs) {
    if (!(key in instance)) throw codedError(TypeError, MESSAGES.asViewUnknownKey(viewClass.name, key));
  }
  // The class was checked for the default names; a view, or its route, may list others.
  const names = (
    'httpMethodNames' in initkwargs ? initkwargs.httpMethodNames : instance.httpMethodNames
  ) as readonly string[];
  if (names !== HTTP_METHOD_NAMES) View.checkHandlers.call(viewClass, names);
  // Not on the provider itself, which a test may share between apps, or freeze.
  const routeView = Object.assign(Object.create(instance), initkwargs) as View;
  Object.defineProperty(routeView, VIEW_CONTEXT, { value: context });
  routeView.checkConfiguration();
  routeView.checkRoute(new Set(pattern.params.map((param) => param.name)), pattern.route);
  return routeView;
}
