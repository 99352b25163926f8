/**
 * Type tests for typed reverse(): compiled by `npm run typecheck` with test/types/tsconfig.json,
 * apart from the other tests (the routes registered here would constrain their reverse() calls).
 * Each `@ts-expect-error` fails the compile when the call it marks stops being an error.
 */
import {
  path,
  RedirectView,
  reverse,
  type RouteArgs,
  type RouteKwargs,
  type RoutesOf,
  UrlResolver,
  View,
} from '../../src/index.js';

class BookDetail extends View {}
class Search extends View {}

const urlpatterns = [
  path('books/<int:pk>/', BookDetail.asView(), { name: 'book-detail' }),
  path('books/<slug:slug>/<int:year>/', BookDetail.asView(), { name: 'book-by-slug' }),
  path('search/', Search.asView(), { name: 'search' }),
  path('tags/<tag>/', Search.asView(), { name: 'tag' }),
  path('unnamed/<int:pk>/', Search.asView()),
];

declare module '../../src/index.js' {
  interface RegisteredRoutes extends RoutesOf<typeof urlpatterns> {
    home: '';
    'shelf-year': 'shelves/<year:y>/';
  }
  interface RegisteredConverters {
    year: number;
  }
}

/** `true` when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

assertType<Equal<RouteKwargs<'books/<int:pk>/'>, { pk: number }>>();
assertType<Equal<RouteKwargs<'a/<slug:s>/<uuid:id>/<path:rest>'>, { s: string; id: string; rest: string }>>();
assertType<Equal<RouteKwargs<'tags/<tag>/'>, { tag: string }>>();
assertType<Equal<keyof RouteKwargs<'about/'>, never>>();
assertType<Equal<keyof RoutesOf<typeof urlpatterns>, 'book-detail' | 'book-by-slug' | 'search' | 'tag'>>();

reverse('book-detail', { pk: 7 });
reverse('book-by-slug', { slug: 'dune', year: 1965 });
reverse('search');
reverse('home');
reverse('tag', { tag: 'sf' });
reverse('shelf-year', { y: 1990 });
new UrlResolver().reverse('book-detail', { pk: 7 });

// @ts-expect-error an int converter takes a number
reverse('book-detail', { pk: 'x' });
// @ts-expect-error a route with parameters needs its kwargs
reverse('book-detail');
// @ts-expect-error every parameter is needed
reverse('book-by-slug', { slug: 'dune' });
// @ts-expect-error no other kwarg
reverse('book-detail', { pk: 7, extra: 1 });
// @ts-expect-error an unknown name
reverse('book-detial', { pk: 7 });
// @ts-expect-error a route without parameters takes no kwargs
reverse('search', { q: 'x' });
// @ts-expect-error an unnamed route cannot be reversed
reverse('unnamed', { pk: 7 });
// @ts-expect-error a registered converter's type
reverse('shelf-year', { y: 'ninety' });
// @ts-expect-error the resolver's reverse() is checked too
new UrlResolver().reverse('book-detail', { pk: 'x' });

class ToBook extends RedirectView {
  override patternName = 'book-detail' as const;
}
class ToNowhere extends RedirectView {
  // @ts-expect-error patternName names a registered route
  override patternName = 'nowhere' as const;
}
RedirectView.asView({ patternName: 'search' });
export { ToBook, ToNowhere };

// Values in route order, as Django's reverse(name, args=[…]) and {% url 'name' 7 %}.
assertType<Equal<RouteArgs<'books/<slug:slug>/<int:year>/'>, [string, number]>>();
assertType<Equal<RouteArgs<'tags/<tag>/'>, [string]>>();
assertType<Equal<RouteArgs<'about/'>, []>>();
reverse('book-detail', 7);
reverse('book-by-slug', 'dune', 1965);
reverse('shelf-year', 1990);
new UrlResolver().reverse('book-detail', 7);

// @ts-expect-error an int converter takes a number, in route order too
reverse('book-detail', '7');
// @ts-expect-error the values go in route order
reverse('book-by-slug', 1965, 'dune');
// @ts-expect-error one value per parameter
reverse('book-by-slug', 'dune');
// @ts-expect-error kwargs and values in route order cannot be mixed (Django refuses them too)
reverse('book-by-slug', 'dune', { year: 1965 });
// @ts-expect-error a route without parameters takes no values
reverse('search', 7);
