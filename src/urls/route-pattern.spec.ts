import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { NoReverseMatch } from '../exceptions/no-reverse-match.exception.js';
import { registerConverter } from './converters.js';
import { escapeLeadingSlashes, RoutePattern } from './route-pattern.js';
import { thrownBy } from '../../test/utils/errors.js';

registerConverter('hexbyte', {
  regex: '[0-9a-f]{2}',
  toValue: (raw) => parseInt(raw, 16),
  toUrl: (value) => {
    if (typeof value !== 'number' || value < 0 || value > 255) throw new RangeError('not a byte');
    return value.toString(16).padStart(2, '0');
  },
});

const UUID = '075194d3-6885-417e-a8a8-6c931e272f00';

describe('RoutePattern.parse', () => {
  it('reads typed parameters in route order', () => {
    const pattern = RoutePattern.parse('books/<int:pk>/<slug:title>/');
    expect(pattern.params).toEqual([
      { name: 'pk', converter: 'int' },
      { name: 'title', converter: 'slug' },
    ]);
  });

  it('gives a parameter without a converter the str converter', () => {
    expect(RoutePattern.parse('<slug>/').params).toEqual([{ name: 'slug', converter: 'str' }]);
  });

  it('keeps the route as given', () => {
    expect(RoutePattern.parse('books/<int:pk>/').route).toBe('books/<int:pk>/');
  });

  it('drops a leading slash', () => {
    expect(RoutePattern.parse('/books/').route).toBe('books/');
  });

  it('marks a route without parameters as static', () => {
    expect(RoutePattern.parse('about/').isStatic).toBe(true);
    expect(RoutePattern.parse('<int:pk>/').isStatic).toBe(false);
  });

  it('tells whether the route ends with a slash', () => {
    expect(RoutePattern.parse('books/').endsWithSlash).toBe(true);
    expect(RoutePattern.parse('books').endsWithSlash).toBe(false);
  });

  it('treats the root route as ending with a slash', () => {
    const root = RoutePattern.parse('');
    expect(root.endsWithSlash).toBe(true);
    expect(root.isStatic).toBe(true);
  });

  it('refuses an unknown converter', () => {
    expect(thrownBy(() => RoutePattern.parse('x/<foo:pk>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<foo:pk>/' uses invalid converter 'foo'."),
    );
  });

  it('refuses a parameter name that is not an identifier', () => {
    expect(thrownBy(() => RoutePattern.parse('x/<int:1pk>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<int:1pk>/' uses parameter name '1pk' which isn't a valid identifier."),
    );
  });

  it('reads a parameter with an empty name as an invalid name, as Django does', () => {
    expect(thrownBy(() => RoutePattern.parse('x/<int:>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<int:>/' uses parameter name 'int:' which isn't a valid identifier."),
    );
  });

  it('refuses the parameter name __proto__', () => {
    expect(thrownBy(() => RoutePattern.parse('<__proto__>/'))).toStrictEqual(
      new ImproperlyConfigured(
        "URL route '<__proto__>/' uses parameter name '__proto__', which is reserved. Choose another name.",
      ),
    );
  });

  it('refuses a parameter name used twice', () => {
    expect(thrownBy(() => RoutePattern.parse('<a>/<a>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route '<a>/<a>/' uses parameter name 'a' more than once."),
    );
  });

  it('refuses whitespace inside angle brackets', () => {
    expect(thrownBy(() => RoutePattern.parse('x/<int pk>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<int pk>/' contains an invalid angle-bracket expression."),
    );
  });

  it('refuses an unclosed angle bracket', () => {
    expect(thrownBy(() => RoutePattern.parse('x/<int:pk/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<int:pk/' contains an invalid angle-bracket expression."),
    );
  });

  it('refuses a closing angle bracket without an opening one', () => {
    expect(thrownBy(() => RoutePattern.parse('x/int:pk>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/int:pk>/' contains an invalid angle-bracket expression."),
    );
  });

  it('refuses empty angle brackets', () => {
    expect(thrownBy(() => RoutePattern.parse('x/<>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<>/' contains an invalid angle-bracket expression."),
    );
  });

  it('refuses nested angle brackets', () => {
    expect(thrownBy(() => RoutePattern.parse('x/<<pk>>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<<pk>>/' contains an invalid angle-bracket expression."),
    );
  });

  it('names the route as written, leading slash included, in its errors', () => {
    expect(thrownBy(() => RoutePattern.parse('/x/<foo:pk>/'))).toStrictEqual(
      new ImproperlyConfigured("URL route '/x/<foo:pk>/' uses invalid converter 'foo'."),
    );
  });
});

describe('RoutePattern.toPlatformPath', () => {
  it('writes parameters as :name with a leading slash for Express', () => {
    expect(RoutePattern.parse('books/<int:pk>/').toPlatformPath('express')).toBe('/books/:pk/');
  });

  it('writes parameters as :name with a leading slash for Fastify', () => {
    expect(RoutePattern.parse('books/<int:pk>/').toPlatformPath('fastify')).toBe('/books/:pk/');
  });

  it('writes the root route as / on both platforms', () => {
    const root = RoutePattern.parse('');
    expect(root.toPlatformPath('express')).toBe('/');
    expect(root.toPlatformPath('fastify')).toBe('/');
  });

  it('escapes the characters path-to-regexp reads as syntax for Express', () => {
    expect(RoutePattern.parse('a.b(1)/x+y!/v:1*/').toPlatformPath('express')).toBe('/a.b\\(1\\)/x\\+y\\!/v\\:1\\*/');
  });

  it('percent-encodes static text that is not URL-safe for Express', () => {
    expect(RoutePattern.parse('café [1]/{x}?/').toPlatformPath('express')).toBe('/caf%C3%A9%20%5B1%5D/%7Bx%7D%3F/');
  });

  it('leaves brackets, braces and question marks unescaped for Fastify', () => {
    expect(RoutePattern.parse('a.b(1)/').toPlatformPath('fastify')).toBe('/a.b(1)/');
  });

  it('doubles a literal colon for Fastify', () => {
    expect(RoutePattern.parse('a:b/').toPlatformPath('fastify')).toBe('/a::b/');
  });

  it('writes a path converter as a named wildcard for Express', () => {
    expect(RoutePattern.parse('files/<path:p>').toPlatformPath('express')).toBe('/files/*p');
  });

  it('writes a path converter in the middle of the route as a named wildcard for Express', () => {
    expect(RoutePattern.parse('files/<path:p>/edit/').toPlatformPath('express')).toBe('/files/*p/edit/');
  });

  it('writes a path converter at the end as * for Fastify', () => {
    expect(RoutePattern.parse('files/<path:p>').toPlatformPath('fastify')).toBe('/files/*');
  });

  it('lets the Fastify wildcard absorb a trailing slash after a path converter', () => {
    expect(RoutePattern.parse('files/<path:p>/').toPlatformPath('fastify')).toBe('/files/*');
  });

  it('refuses a path converter before the end of the route for Fastify', () => {
    expect(thrownBy(() => RoutePattern.parse('files/<path:p>/edit/').toPlatformPath('fastify'))).toStrictEqual(
      new ImproperlyConfigured(
        "URL route 'files/<path:p>/edit/' puts a 'path' converter before the end, which Fastify cannot route. Move it to the end of the route.",
      ),
    );
  });

  it('refuses a literal asterisk for Fastify', () => {
    expect(thrownBy(() => RoutePattern.parse('a*b/').toPlatformPath('fastify'))).toStrictEqual(
      new ImproperlyConfigured(
        "URL route 'a*b/' contains a literal '*', which Fastify cannot route (it always reads '*' as a wildcard). Remove the '*' from the route.",
      ),
    );
  });

  it('routes two adjacent parameters as one segment, split as Django splits them', () => {
    const pattern = RoutePattern.parse('<int:a><int:b>/');
    expect(pattern.toPlatformPath('express')).toBe('/:_seg0/');
    expect(pattern.toPlatformPath('fastify')).toBe('/:_seg0/');
    expect(pattern.convert({ _seg0: '123' })).toEqual({ a: 12, b: 3 });
    expect(pattern.reverse({ a: 12, b: 3 })).toBe('/123/');
  });

  it('quotes a parameter name followed by identifier characters for Express', () => {
    expect(RoutePattern.parse('<int:a>x/').toPlatformPath('express')).toBe('/:"a"x/');
  });

  it('gives a parameter followed by other text an explicit pattern for Fastify', () => {
    expect(RoutePattern.parse('<int:a>x/').toPlatformPath('fastify')).toBe('/:a(.+)x/');
  });

  it('routes a segment of several parameters as one parameter on both platforms', () => {
    const pattern = RoutePattern.parse('v<int:a>-<int:b>.json');
    expect(pattern.toPlatformPath('express')).toBe('/:_seg0');
    expect(pattern.toPlatformPath('fastify')).toBe('/:_seg0');
    expect(pattern.convert({ _seg0: 'v1-2.json' })).toEqual({ a: 1, b: 2 });
    expect(pattern.convert({ _seg0: 'v1-2xjson' })).toBeNull();
  });

  it('drops the trailing slash when trailingSlash is false', () => {
    const pattern = RoutePattern.parse('books/<int:pk>/');
    expect(pattern.toPlatformPath('express', { trailingSlash: false })).toBe('/books/:pk');
    expect(pattern.toPlatformPath('fastify', { trailingSlash: false })).toBe('/books/:pk');
  });

  it('keeps the root at / when trailingSlash is false', () => {
    const root = RoutePattern.parse('');
    expect(root.toPlatformPath('express', { trailingSlash: false })).toBe('/');
    expect(root.toPlatformPath('fastify', { trailingSlash: false })).toBe('/');
  });

  it('leaves a route without trailing slash unchanged when trailingSlash is false', () => {
    expect(RoutePattern.parse('books').toPlatformPath('express', { trailingSlash: false })).toBe('/books');
  });

  it('refuses an unknown platform', () => {
    expect(thrownBy(() => RoutePattern.parse('a/').toPlatformPath('koa' as 'express'))).toStrictEqual(
      new TypeError("Unknown platform 'koa': toPlatformPath() takes 'express' or 'fastify'."),
    );
  });
});

describe('RoutePattern.convert', () => {
  it('turns an int parameter into a number', () => {
    expect(RoutePattern.parse('books/<int:pk>/').convert({ pk: '7' })).toEqual({ pk: 7 });
  });

  it('returns null for letters on an int parameter', () => {
    expect(RoutePattern.parse('books/<int:pk>/').convert({ pk: 'abc' })).toBeNull();
  });

  it('returns null for a negative number on an int parameter', () => {
    expect(RoutePattern.parse('books/<int:pk>/').convert({ pk: '-1' })).toBeNull();
  });

  it('keeps a str parameter as a string', () => {
    expect(RoutePattern.parse('<name>/').convert({ name: 'a b' })).toEqual({ name: 'a b' });
  });

  it('returns null for a str value holding a slash', () => {
    expect(RoutePattern.parse('<name>/').convert({ name: 'a/b' })).toBeNull();
  });

  it('returns null for a slug value with a space', () => {
    expect(RoutePattern.parse('<slug:s>/').convert({ s: 'a b' })).toBeNull();
  });

  it('accepts a lowercase uuid', () => {
    expect(RoutePattern.parse('<uuid:id>/').convert({ id: UUID })).toEqual({ id: UUID });
  });

  it('returns null for an uppercase uuid', () => {
    expect(RoutePattern.parse('<uuid:id>/').convert({ id: UUID.toUpperCase() })).toBeNull();
  });

  it('joins the segments Express gives for a path parameter', () => {
    expect(RoutePattern.parse('files/<path:p>').convert({ p: ['a', 'b c', 'd.txt'] })).toEqual({ p: 'a/b c/d.txt' });
  });

  it("reads a path parameter from Fastify's '*' key", () => {
    expect(RoutePattern.parse('files/<path:p>').convert({ '*': 'a/b/d.txt' })).toEqual({ p: 'a/b/d.txt' });
  });

  it("drops the trailing slash Fastify's wildcard swallowed after a path parameter", () => {
    expect(RoutePattern.parse('files/<path:p>/').convert({ '*': 'a/b/' })).toEqual({ p: 'a/b' });
  });

  it('returns null for an empty path parameter', () => {
    expect(RoutePattern.parse('files/<path:p>').convert({ '*': '' })).toBeNull();
  });

  it('returns the kwargs in route order', () => {
    const kwargs = RoutePattern.parse('<int:b>/<int:a>/').convert({ a: '1', b: '2' });
    expect(Object.keys(kwargs!)).toEqual(['b', 'a']);
  });

  it('returns null when a parameter is missing', () => {
    expect(RoutePattern.parse('<int:a>/<int:b>/').convert({ a: '1' })).toBeNull();
  });

  it('returns null when there are no params at all', () => {
    expect(RoutePattern.parse('<int:a>/').convert(undefined)).toBeNull();
  });

  it('returns null when the converter throws in toValue', () => {
    registerConverter('never', {
      regex: '.+',
      toValue: () => {
        throw new Error('no');
      },
      toUrl: String,
    });
    expect(RoutePattern.parse('<never:x>/').convert({ x: 'y' })).toBeNull();
  });

  it('returns a fresh, mutable empty object for each request to a static route', () => {
    const pattern = RoutePattern.parse('about/');
    const first = pattern.convert({});
    const second = pattern.convert(undefined);
    expect(first).toEqual({});
    expect(first).not.toBe(second);
    expect(Object.isFrozen(first)).toBe(false);
  });

  it('uses a custom converter', () => {
    expect(RoutePattern.parse('colour/<hexbyte:red>/').convert({ red: 'ff' })).toEqual({ red: 255 });
  });
});

describe('RoutePattern.reverse', () => {
  it('builds the path with a leading slash', () => {
    expect(RoutePattern.parse('books/<int:pk>/').reverse({ pk: 7 })).toBe('/books/7/');
  });

  it('builds the root path', () => {
    expect(RoutePattern.parse('').reverse()).toBe('/');
  });

  it('builds a static path without kwargs', () => {
    expect(RoutePattern.parse('about/').reverse()).toBe('/about/');
  });

  it('percent-encodes a str value', () => {
    expect(RoutePattern.parse('<name>/').reverse({ name: 'a b' })).toBe('/a%20b/');
  });

  it('keeps the slashes of a path value and encodes its segments', () => {
    expect(RoutePattern.parse('files/<path:p>').reverse({ p: 'x y/z' })).toBe('/files/x%20y/z');
  });

  it('percent-encodes static text that is not URL-safe', () => {
    expect(RoutePattern.parse('café/').reverse()).toBe('/caf%C3%A9/');
  });

  it('accepts a uuid string', () => {
    expect(RoutePattern.parse('<uuid:id>/').reverse({ id: UUID })).toBe(`/${UUID}/`);
  });

  it('uses a custom converter', () => {
    expect(RoutePattern.parse('colour/<hexbyte:red>/').reverse({ red: 10 })).toBe('/colour/0a/');
  });

  it('refuses a str value holding a slash', () => {
    expect(thrownBy(() => RoutePattern.parse('<name>/').reverse({ name: 'a b/c' }, 'page'))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'page' with keyword arguments '{"name":"a b/c"}' not found. 1 pattern(s) tried: ['<name>/']`,
      ),
    );
  });

  it('refuses a value the converter regex does not match', () => {
    expect(thrownBy(() => RoutePattern.parse('books/<int:pk>/').reverse({ pk: 'x' }, 'book-detail'))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'book-detail' with keyword arguments '{"pk":"x"}' not found. 1 pattern(s) tried: ['books/<int:pk>/']`,
      ),
    );
  });

  it('refuses a value the converter toUrl throws for', () => {
    expect(thrownBy(() => RoutePattern.parse('colour/<hexbyte:red>/').reverse({ red: 300 }, 'colour'))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'colour' with keyword arguments '{"red":300}' not found. 1 pattern(s) tried: ['colour/<hexbyte:red>/']`,
      ),
    );
  });

  it('refuses a missing kwarg', () => {
    expect(thrownBy(() => RoutePattern.parse('books/<int:pk>/').reverse({}, 'book-detail'))).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'book-detail' with no arguments not found. 1 pattern(s) tried: ['books/<int:pk>/']`,
      ),
    );
  });

  it('refuses an extra kwarg', () => {
    expect(
      thrownBy(() => RoutePattern.parse('books/<int:pk>/').reverse({ pk: 7, page: 2 }, 'book-detail')),
    ).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'book-detail' with keyword arguments '{"pk":7,"page":2}' not found. 1 pattern(s) tried: ['books/<int:pk>/']`,
      ),
    );
  });

  it('names the route itself when no name is given', () => {
    expect(thrownBy(() => RoutePattern.parse('books/<int:pk>/').reverse())).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'books/<int:pk>/' with no arguments not found. 1 pattern(s) tried: ['books/<int:pk>/']`,
      ),
    );
  });
});

describe('RoutePattern.noReverseMatch', () => {
  it('lists every pattern tried', () => {
    const patterns = [RoutePattern.parse('a/<int:pk>/'), RoutePattern.parse('b/<slug:pk>/')];
    expect(RoutePattern.noReverseMatch('item', { pk: '?' }, patterns)).toStrictEqual(
      new NoReverseMatch(
        `Reverse for 'item' with keyword arguments '{"pk":"?"}' not found. 2 pattern(s) tried: ['a/<int:pk>/', 'b/<slug:pk>/']`,
      ),
    );
  });

  it('shows bigint values as text', () => {
    expect(RoutePattern.noReverseMatch('item', { pk: 10n }, []).message).toBe(
      `Reverse for 'item' with keyword arguments '{"pk":"10"}' not found. 0 pattern(s) tried: []`,
    );
  });
});

describe('escapeLeadingSlashes', () => {
  it("turns a leading '//' into '/%2F', as Django's reverse() does, and leaves other URLs alone", () => {
    expect(escapeLeadingSlashes('//evil.example/')).toBe('/%2Fevil.example/');
    expect(escapeLeadingSlashes('///x')).toBe('/%2F/x');
    expect(escapeLeadingSlashes('/a//b')).toBe('/a//b');
    expect(escapeLeadingSlashes('/')).toBe('/');
  });
});

describe("a path converter before a final '/'", () => {
  const pattern = RoutePattern.parse('p/<path:x>/');

  it("gives Django's value from either platform's wildcard capture", () => {
    expect(pattern.convert({ '*': 'abc/' })).toEqual({ x: 'abc' });
    expect(pattern.convert({ '*': 'abc//' })).toEqual({ x: 'abc/' });
    expect(pattern.convert({ x: ['abc', ''] })).toEqual({ x: 'abc' });
    expect(pattern.convert({ x: ['abc', '', ''] })).toEqual({ x: 'abc/' });
  });
});

describe('RoutePattern with several parameters in one segment', () => {
  it('splits <int:pk>-<slug:slug> as Django does: pk=1, slug="a-long-slug", and reverses it back', () => {
    const pattern = RoutePattern.parse('books/<int:pk>-<slug:slug>/');
    expect(pattern.toPlatformPath('express')).toBe('/books/:_seg0/');
    expect(pattern.toPlatformPath('fastify')).toBe('/books/:_seg0/');
    const kwargs = pattern.convert({ _seg0: '1-a-long-slug' });
    expect(kwargs).toEqual({ pk: 1, slug: 'a-long-slug' });
    expect(pattern.reverse(kwargs!)).toBe('/books/1-a-long-slug/');
  });

  it('lets the first of two str parameters take all it can, as Python’s greedy regex does', () => {
    expect(RoutePattern.parse('<str:a>-<str:b>/').convert({ _seg0: 'x-y-z' })).toEqual({ a: 'x-y', b: 'z' });
  });

  it('answers no match when a converter refuses its part (toValue throws)', () => {
    expect(RoutePattern.parse('<int:a>-<int:b>/').convert({ _seg0: '99999999999999999999-1' })).toBeNull();
    expect(RoutePattern.parse('<int:a>-<hexbyte:b>/').convert({ _seg0: '1-ff' })).toEqual({ a: 1, b: 255 });
  });

  it('routes a segment with a path converter as a wildcard to the end of the route', () => {
    const pattern = RoutePattern.parse('files/<int:a>-<path:rest>/');
    expect(pattern.toPlatformPath('express')).toBe('/files/*_seg0');
    expect(pattern.toPlatformPath('fastify')).toBe('/files/*');
    expect(pattern.convert({ _seg0: ['1-x', 'y', ''] })).toEqual({ a: 1, rest: 'x/y' });
    expect(pattern.convert({ '*': '1-x/y/' })).toEqual({ a: 1, rest: 'x/y' });
    // Without the slash, for APPEND_SLASH's question: would the slashed URL match?
    expect(pattern.convert({ '*': '1-x/y' })).toEqual({ a: 1, rest: 'x/y' });
    expect(pattern.reverse({ a: 1, rest: 'x/y' })).toBe('/files/1-x/y/');
  });

  it('names the platform parameter unlike any of the route’s', () => {
    const pattern = RoutePattern.parse('<_seg0>/<int:a>-<int:b>/');
    expect(pattern.toPlatformPath('express')).toBe('/:_seg0/:__seg0/');
    expect(pattern.convert({ _seg0: 'x', __seg0: '1-2' })).toEqual({ _seg0: 'x', a: 1, b: 2 });
  });

  it('keeps text with regex characters literal', () => {
    const pattern = RoutePattern.parse('<int:a>.(<int:b>)+/');
    expect(pattern.convert({ _seg0: '1.(2)+' })).toEqual({ a: 1, b: 2 });
    expect(pattern.convert({ _seg0: '1x(2)' })).toBeNull();
  });
});
