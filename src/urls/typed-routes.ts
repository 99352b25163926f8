/**
 * Types that let the compiler check `reverse()`: route names as a union and kwargs typed from
 * the route's converters, with no code generation. An app that registers nothing keeps the
 * untyped signatures (any name, any kwargs).
 */
import type { UrlPattern } from './url-pattern.js';

/**
 * The app's named routes, name to Django route, for typed `reverse()`. Empty until the app
 * adds its routes by declaration merging; then an unknown name or a kwarg of the wrong type
 * is a compile error.
 *
 * @example
 * const urlpatterns = [path('books/<int:pk>/', BookDetail.asView(), { name: 'book-detail' })];
 *
 * declare module 'nestjs-class-views' {
 *   // Routes of `path()`, and those of `@ClassView()` written out.
 *   interface RegisteredRoutes extends RoutesOf<typeof urlpatterns> {
 *     home: '';
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: empty until an application adds its routes by declaration merging
export interface RegisteredRoutes {}

/**
 * The value type of each custom converter a route may name, for typed `reverse()`: add one
 * entry per `registerConverter()` by declaration merging (`interface RegisteredConverters {
 * year: number }`). A converter missing here takes `unknown`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: empty until an application adds its converters by declaration merging
export interface RegisteredConverters {}

/** The value each built-in converter takes in `reverse()`. */
export interface BuiltinConverters {
  /** `<int:name>`: a non-negative integer. */
  int: number;
  /** `<str:name>` or `<name>`: any text without a slash. */
  str: string;
  /** `<slug:name>`: ASCII letters, digits, hyphens and underscores. */
  slug: string;
  /** `<uuid:name>`: a lowercase UUID with its dashes. */
  uuid: string;
  /** `<path:name>`: any text, slashes included. */
  path: string;
}

type Converters = BuiltinConverters & RegisteredConverters;

/** The kwarg of one `<converter:name>` or `<name>` (a `str`). */
type KwargOf<Param extends string> = Param extends `${infer Converter}:${infer Name}`
  ? { [K in Name]: Converter extends keyof Converters ? Converters[Converter] : unknown }
  : { [K in Param]: string };

/** The value of one `<converter:name>` or `<name>` (a `str`), for a positional argument. */
type ArgOf<Param extends string> = Param extends `${infer Converter}:${string}`
  ? Converter extends keyof Converters
    ? Converters[Converter]
    : unknown
  : string;

/** The values of every `<…>` in `Route`, in route order. */
type ArgsIn<Route extends string> = Route extends `${string}<${infer Param}>${infer Rest}`
  ? [ArgOf<Param>, ...ArgsIn<Rest>]
  : [];

/** The kwargs of every `<…>` in `Route`, intersected. */
type KwargsIn<Route extends string> = Route extends `${string}<${infer Param}>${infer Rest}`
  ? KwargOf<Param> & KwargsIn<Rest>
  : unknown;

/**
 * The kwargs `reverse()` takes for a Django route: `RouteKwargs<'books/<int:pk>/'>` is
 * `{ pk: number }`; `{}` for a route without parameters.
 */
export type RouteKwargs<Route extends string> = { [K in keyof KwargsIn<Route>]: KwargsIn<Route>[K] };

/**
 * The positional arguments `reverse()` takes for a Django route, in route order (Django's
 * `reverse(name, args=[…])`): `RouteArgs<'books/<slug:slug>/<int:year>/'>` is
 * `[string, number]`; `[]` for a route without parameters.
 */
export type RouteArgs<Route extends string> = ArgsIn<Route>;

/** The routes of a `urlpatterns` list that have a name, name to route, for {@link RegisteredRoutes}. */
export type RoutesOf<Patterns extends readonly UrlPattern<string, string>[]> = {
  [P in Patterns[number] as P extends UrlPattern<string, infer Name> ? Name : never]: P extends UrlPattern<
    infer Route,
    string
  >
    ? Route
    : never;
};

/** Whether the app registered its routes. */
type Typed = keyof RegisteredRoutes extends never ? false : true;

/** A name `reverse()` accepts: any string until the app registers its routes, then one of theirs. */
export type RouteName = Typed extends true ? keyof RegisteredRoutes & string : string;

/** Any arguments: one kwargs object, or values in route order. */
type AnyReverseArgs = [kwargs?: Record<string, unknown>] | unknown[];

/**
 * The rest of `reverse(name, …)`'s arguments for `name`: either one object of the route's
 * kwargs, or the route's values in route order (Django's `args`), never both; nothing when the
 * route has no parameters. Any arguments until the app registers its routes.
 */
export type ReverseArgs<Name extends string> = Name extends keyof RegisteredRoutes
  ? RegisteredRoutes[Name] extends string
    ? keyof RouteKwargs<RegisteredRoutes[Name]> extends never
      ? [kwargs?: Record<string, never>]
      : [kwargs: RouteKwargs<RegisteredRoutes[Name]>] | RouteArgs<RegisteredRoutes[Name]>
    : AnyReverseArgs
  : AnyReverseArgs;
