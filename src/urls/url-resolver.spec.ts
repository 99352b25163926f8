import { describe, expect, it } from '@jest/globals';
import { NoReverseMatch } from '../exceptions/no-reverse-match.exception.js';
import { registerConverter } from './converters.js';
import { RoutePattern } from './route-pattern.js';
import { reverse, setActiveUrlResolver, UrlResolver } from './url-resolver.js';
import { thrownBy } from '../../test/utils/errors.js';

/** A resolver with the book routes registered. */
function bookResolver(): UrlResolver {
  const resolver = new UrlResolver();
  resolver.register('book-list', RoutePattern.parse(''));
  resolver.register('book-detail', RoutePattern.parse('books/<int:pk>/'));
  return resolver;
}

describe('UrlResolver', () => {
  it('reverses a registered name', () => {
    expect(bookResolver().reverse('book-detail', { pk: 7 })).toBe('/books/7/');
  });

  it('reverses a route without parameters with no kwargs', () => {
    expect(bookResolver().reverse('book-list')).toBe('/');
  });

  it('tells which names are registered', () => {
    const resolver = bookResolver();
    expect(resolver.has('book-detail')).toBe(true);
    expect(resolver.has('author-detail')).toBe(false);
  });

  it('refuses an unknown name', () => {
    expect(thrownBy(() => bookResolver().reverse('x'))).toStrictEqual(
      new NoReverseMatch("Reverse for 'x' not found. 'x' is not a valid view function or pattern name."),
    );
  });

  it('refuses a missing kwarg', () => {
    expect(thrownBy(() => bookResolver().reverse('book-detail'))).toStrictEqual(
      new NoReverseMatch(
        "Reverse for 'book-detail' with no arguments not found. 1 pattern(s) tried: ['books/<int:pk>/']",
      ),
    );
  });

  it('refuses an extra kwarg', () => {
    expect(thrownBy(() => bookResolver().reverse('book-detail', { pk: 7, slug: 'x' }))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'book-detail' with keyword arguments '{"pk":7,"slug":"x"}' not found. 1 pattern(s) tried: ['books/<int:pk>/']`,
      ),
    );
  });

  it('refuses a value the converter does not match', () => {
    expect(thrownBy(() => bookResolver().reverse('book-detail', { pk: 'x' }))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'book-detail' with keyword arguments '{"pk":"x"}' not found. 1 pattern(s) tried: ['books/<int:pk>/']`,
      ),
    );
  });

  it('puts a prefix given without slashes before the path', () => {
    const resolver = bookResolver();
    resolver.setPrefix('api');
    expect(resolver.reverse('book-detail', { pk: 7 })).toBe('/api/books/7/');
  });

  it('puts a prefix given with slashes before the path', () => {
    const resolver = bookResolver();
    resolver.setPrefix('/api/');
    expect(resolver.reverse('book-detail', { pk: 7 })).toBe('/api/books/7/');
  });

  it('puts a prefix before the root path', () => {
    const resolver = bookResolver();
    resolver.setPrefix('api/v1');
    expect(resolver.reverse('book-list')).toBe('/api/v1/');
  });

  it('puts nothing before the path for an empty prefix', () => {
    const resolver = bookResolver();
    resolver.setPrefix('api');
    resolver.setPrefix('');
    expect(resolver.reverse('book-detail', { pk: 7 })).toBe('/books/7/');
  });

  /** Register `route` under `name` on `resolver`, as Nest mounted it at `mountPath`. */
  const mount = (resolver: UrlResolver, name: string, route: string, mountPath: string | undefined) => {
    const pattern = RoutePattern.parse(route);
    resolver.register(name, pattern);
    resolver.setMountPath(pattern, mountPath);
    return pattern;
  };

  it('builds a mounted route under its mount path instead of the prefix', () => {
    const resolver = new UrlResolver();
    resolver.setPrefix('api');
    mount(resolver, 'book-detail', 'books/<int:pk>/', '/api/shop');
    mount(resolver, 'home', '', '/api/shop/');
    expect(resolver.reverse('book-detail', { pk: 7 })).toBe('/api/shop/books/7/');
    expect(resolver.reverse('home')).toBe('/api/shop/');
  });

  it('builds a route mounted at the top, such as one excluded from the prefix, without the prefix', () => {
    const resolver = bookResolver();
    resolver.setPrefix('api');
    mount(resolver, 'health', 'health/', '');
    expect(resolver.reverse('health')).toBe('/health/');
    expect(resolver.reverse('book-detail', { pk: 7 })).toBe('/api/books/7/');
  });

  it('refuses to reverse a route mounted under a path with parameters', () => {
    const resolver = new UrlResolver();
    mount(resolver, 'book-detail', 'books/<int:pk>/', '/shops/:shop');
    expect(thrownBy(() => resolver.reverse('book-detail', { pk: 7 }))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'book-detail' not possible: its route is served under '/shops/:shop', a path with parameters (from the global prefix or a RouterModule path), which reverse() cannot fill. Serve the route under a static path, or build this URL yourself.`,
      ),
    );
  });

  it('skips a route under a path with parameters for another route of the same name', () => {
    const resolver = new UrlResolver();
    mount(resolver, 'book', 'library/<int:pk>/', '');
    mount(resolver, 'book', 'books/<int:pk>/', '/shops/:shop');
    expect(resolver.reverse('book', { pk: 3 })).toBe('/library/3/');
  });

  it('goes back to the prefix when the mount path is unknown', () => {
    const resolver = new UrlResolver();
    resolver.setPrefix('api');
    const detail = mount(resolver, 'book-detail', 'books/<int:pk>/', '/shop');
    resolver.setMountPath(detail, undefined);
    expect(resolver.reverse('book-detail', { pk: 7 })).toBe('/api/books/7/');
  });

  it('picks the pattern of a shared name whose parameters are the kwargs keys', () => {
    const resolver = new UrlResolver();
    resolver.register('archive', RoutePattern.parse('archive/'));
    resolver.register('archive', RoutePattern.parse('archive/<int:year>/'));
    expect(resolver.reverse('archive')).toBe('/archive/');
    expect(resolver.reverse('archive', { year: 2024 })).toBe('/archive/2024/');
  });

  it('tries the last registered pattern of a shared name first', () => {
    const resolver = new UrlResolver();
    resolver.register('item', RoutePattern.parse('first/<int:pk>/'));
    resolver.register('item', RoutePattern.parse('second/<int:pk>/'));
    expect(resolver.reverse('item', { pk: 1 })).toBe('/second/1/');
  });

  it('falls back to an earlier pattern of a shared name when a later one refuses the value', () => {
    const resolver = new UrlResolver();
    resolver.register('item', RoutePattern.parse('by-slug/<slug:key>/'));
    resolver.register('item', RoutePattern.parse('by-id/<int:key>/'));
    expect(resolver.reverse('item', { key: 'my-item' })).toBe('/by-slug/my-item/');
  });

  it('lists every pattern of a shared name, last registered first, when none fits', () => {
    const resolver = new UrlResolver();
    resolver.register('item', RoutePattern.parse('by-slug/<slug:key>/'));
    resolver.register('item', RoutePattern.parse('by-id/<int:key>/'));
    expect(thrownBy(() => resolver.reverse('item', { key: 'a b' }))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'item' with keyword arguments '{"key":"a b"}' not found. 2 pattern(s) tried: ['by-id/<int:key>/', 'by-slug/<slug:key>/']`,
      ),
    );
  });

  it('ignores a pattern registered twice under the same name', () => {
    const resolver = new UrlResolver();
    const pattern = RoutePattern.parse('a/<int:pk>/');
    resolver.register('a', pattern);
    resolver.register('a', pattern);
    expect(thrownBy(() => resolver.reverse('a'))).toStrictEqual(
      new NoReverseMatch("Reverse for 'a' with no arguments not found. 1 pattern(s) tried: ['a/<int:pk>/']"),
    );
  });
});

describe('UrlResolver with values in route order (Django’s reverse(name, args=[…]))', () => {
  /** A resolver with a route of two parameters. */
  function shelfResolver(): UrlResolver {
    const resolver = bookResolver();
    resolver.register('shelf', RoutePattern.parse('shelves/<slug:slug>/<int:year>/'));
    return resolver;
  }

  it('fills the parameters in route order', () => {
    expect(shelfResolver().reverse('book-detail', 7)).toBe('/books/7/');
    expect(shelfResolver().reverse('shelf', 'sf', 1965)).toBe('/shelves/sf/1965/');
  });

  it('picks the pattern of a shared name with as many parameters as values', () => {
    const resolver = new UrlResolver();
    resolver.register('archive', RoutePattern.parse('archive/'));
    resolver.register('archive', RoutePattern.parse('archive/<int:year>/'));
    resolver.register('archive', RoutePattern.parse('archive/<int:year>/<int:month>/'));
    expect(resolver.reverse('archive', 2024)).toBe('/archive/2024/');
    expect(resolver.reverse('archive', 2024, 3)).toBe('/archive/2024/3/');
  });

  it('refuses values in the wrong order, showing them as Django shows its args', () => {
    expect(thrownBy(() => shelfResolver().reverse('shelf', 1965, 'sf'))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'shelf' with arguments '[1965,"sf"]' not found. 1 pattern(s) tried: ['shelves/<slug:slug>/<int:year>/']`,
      ),
    );
  });

  it('refuses too few values', () => {
    expect(thrownBy(() => shelfResolver().reverse('shelf', 'sf'))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'shelf' with arguments '["sf"]' not found. 1 pattern(s) tried: ['shelves/<slug:slug>/<int:year>/']`,
      ),
    );
  });

  it('refuses values and kwargs together, as Django does', () => {
    const message =
      "Don't mix *args and **kwargs in call to reverse()! Give 'shelf' either its values in route order, as in reverse('shelf', 7) or {{ url('shelf', 7) }}, or one object of kwargs, as in reverse('shelf', { pk: 7 }) or {{ url('shelf', { pk: 7 }) }}.";
    expect(thrownBy(() => shelfResolver().reverse('shelf', 'sf', { year: 1965 }))).toStrictEqual(
      new TypeError(message),
    );
    expect(thrownBy(() => shelfResolver().reverseUnchecked('shelf', { year: 1965 }, ['sf']))).toStrictEqual(
      new TypeError(message),
    );
  });

  it('takes a Date as a value in route order, not as kwargs', () => {
    const resolver = new UrlResolver();
    registerConverter<Date>('isodate', {
      regex: '[0-9]{4}-[0-9]{2}-[0-9]{2}',
      toValue: (text) => new Date(text),
      toUrl: (value) => value.toISOString().slice(0, 10),
    });
    resolver.register('day', RoutePattern.parse('days/<isodate:day>/'));
    expect(resolver.reverse('day', new Date('2019-12-01T00:00:00Z'))).toBe('/days/2019-12-01/');
  });
});

describe('reverse', () => {
  it('refuses to reverse before an application has started', () => {
    setActiveUrlResolver(null);
    expect(thrownBy(() => reverse('book-detail', { pk: 7 }))).toStrictEqual(
      new NoReverseMatch(
        "Reverse for 'book-detail' not found: no application has started yet. Call reverse() once the Nest application has been initialised (after app.init() or app.listen()), or inject UrlResolver and call its reverse().",
      ),
    );
  });

  it('reverses with the active resolver', () => {
    setActiveUrlResolver(bookResolver());
    expect(reverse('book-detail', { pk: 7 })).toBe('/books/7/');
  });

  it('uses the resolver of the application that started last', () => {
    const later = new UrlResolver();
    later.register('book-detail', RoutePattern.parse('livres/<int:pk>/'));
    setActiveUrlResolver(bookResolver());
    setActiveUrlResolver(later);
    expect(reverse('book-detail', { pk: 7 })).toBe('/livres/7/');
  });

  it('applies the prefix of the active resolver', () => {
    const resolver = bookResolver();
    resolver.setPrefix('api');
    setActiveUrlResolver(resolver);
    expect(reverse('book-detail', { pk: 7 })).toBe('/api/books/7/');
  });
});
