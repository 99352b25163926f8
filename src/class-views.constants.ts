/** Metadata key under which `@ClassView()` stores its route and options. */
export const CLASS_VIEW_METADATA = 'nestjs-class-views:class-view';

/**
 * Name of the route handler the library adds to each served view class. Nest routes
 * it like a controller method (`@All()`); it hands every request to the view's `dispatch()`.
 */
export const CLASS_VIEW_ROUTE_HANDLER = 'classViewRoute';

/**
 * The key under which a served view holds the context of the app serving it (URL resolver,
 * template engines, CSRF check, models): set on each route's view at start-up.
 */
export const VIEW_CONTEXT = Symbol('nestjs-class-views:view-context');

/** The HTTP methods Django's `View` knows, in the order of its `http_method_names`. */
export const HTTP_METHOD_NAMES = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'] as const;
