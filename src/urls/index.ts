/** URL routing: Django's path() routes, path converters and reverse(). */
export { path, UrlPattern, type UrlPatternOptions } from './url-pattern.js';
export { RoutePattern } from './route-pattern.js';
export { registerConverter, type PathConverter } from './converters.js';
export { UrlResolver, reverse } from './url-resolver.js';
export type {
  BuiltinConverters,
  RegisteredConverters,
  RegisteredRoutes,
  ReverseArgs,
  RouteArgs,
  RouteKwargs,
  RouteName,
  RoutesOf,
} from './typed-routes.js';
export { URL_MESSAGES } from './urls.messages.js';
