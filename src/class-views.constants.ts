/** Metadata key under which `@ClassView()` stores its route and options. */
export const CLASS_VIEW_METADATA = 'nestjs-class-views:class-view';

/**
 * Name of the route handler the library adds to each served view class. Nest routes
 * it like a controller method (`@All()`); it hands every request to the view's `dispatch()`.
 */
export const CLASS_VIEW_ROUTE_HANDLER = 'classViewRoute';

/** The HTTP methods Django's `View` knows, in the order of its `http_method_names`. */
export const HTTP_METHOD_NAMES = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'] as const;

/**
 * Metadata key on the library's route handler (Nest copies it onto the handler it builds):
 * the `ClassViewRoute` it serves, so that the route is registered as cheaply as possible.
 */
export const CLASS_VIEW_ROUTE_METADATA = 'nestjs-class-views:route';
