import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import FindMyWay from 'find-my-way';
import { match } from 'path-to-regexp';
import { getConverter, registerConverter } from './converters.js';
import { RoutePattern } from './route-pattern.js';

registerConverter('twodigits', {
  regex: '[0-9]{2}',
  toValue: Number,
  toUrl: (value) => String(value).padStart(2, '0'),
});

const CONVERTERS = ['int', 'str', 'slug', 'uuid', 'path', 'twodigits'];

/**
 * What Django's `RoutePattern.match()` gives for `path` (the URL path without its leading
 * slash): one regex of the whole route, text escaped, each parameter `(?P<name>regex)`,
 * anchored at both ends (`_route_to_regex()`), then each value through `to_python()`.
 */
function djangoMatch(route: string, path: string): Record<string, unknown> | null {
  const names: Array<[string, string]> = [];
  const source = route.replace(
    /<(?:(\w+):)?(\w+)>|[^<]+/g,
    (whole, converter: string | undefined, name: string | undefined) => {
      if (name === undefined) return whole.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      names.push([name, converter ?? 'str']);
      return `(?<${name}>${getConverter(converter ?? 'str')!.regex})`;
    },
  );
  const groups = new RegExp(`^${source}$`).exec(path)?.groups;
  if (!groups) return null;
  const kwargs: Record<string, unknown> = {};
  try {
    for (const [name, converter] of names) kwargs[name] = getConverter(converter)!.toValue(groups[name]!);
  } catch {
    return null;
  }
  return kwargs;
}

/** What the library gives on Express: path-to-regexp 8 (Express's router) extracts, `convert()` splits. */
function expressMatch(pattern: RoutePattern, url: string): Record<string, unknown> | null {
  const found = match(pattern.toPlatformPath('express'), { decode: decodeURIComponent })(url);
  return found ? pattern.convert(found.params as Record<string, unknown>) : null;
}

/**
 * What the library gives on Fastify: find-my-way extracts, `convert()` splits. Fastify's
 * `maxParamLength` (100 by default, 414 beyond) is raised here: it caps the whole segment.
 */
function fastifyMatch(pattern: RoutePattern, url: string): Record<string, unknown> | null {
  const router = FindMyWay({ maxParamLength: 1000 });
  router.on('GET', pattern.toPlatformPath('fastify'), () => undefined);
  const found = router.find('GET', url);
  return found ? pattern.convert({ ...found.params }) : null;
}

/** Text for a part of a URL: mostly from the converters' alphabets, so that routes often match. */
const valueText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abcf-_.xZ'.split('')), minLength: 0, maxLength: 8 }),
  fc.uuid().map((uuid) => uuid.toLowerCase()),
  fc.constantFrom('1', '12', '007', 'a-b', '1-2', 'x/y', '-', '.'),
);
const separator = fc.constantFrom('-', '.', '_', '', 'x', '--', '.-');

/** A segment of two or three parameters with text around them, and a URL segment built like it. */
const segment = fc
  .tuple(
    fc.array(fc.constantFrom(...CONVERTERS), { minLength: 2, maxLength: 3 }),
    fc.array(separator, { minLength: 4, maxLength: 4 }),
    fc.array(valueText, { minLength: 3, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([converters, separators, values, tweak]) => {
    let route = separators[0]!;
    let url = separators[0]!;
    converters.forEach((converter, index) => {
      route += `<${converter}:p${index}>${separators[index + 1]}`;
      url += `${values[index]}${tweak && index === 0 ? '' : separators[index + 1]}`;
    });
    return { route, url };
  });

const routeAndUrl = fc
  .tuple(segment, fc.constantFrom('', '/'), fc.constantFrom('r/', 'r/<int:id>/', ''))
  .map(([{ route, url }, slash, prefix]) => ({
    route: `${prefix}${route}${slash}`,
    url: `/${prefix.replace('<int:id>', '42')}${url}${slash}`,
  }))
  .filter(({ url }) => !url.includes('//'));

describe('several converters in one segment match as Django’s one regex of the route', () => {
  it.each(['express', 'fastify'] as const)(
    'on %s’s router, for every pair of int, str, slug, uuid, path and a custom converter',
    (platform) => {
      fc.assert(
        fc.property(routeAndUrl, ({ route, url }) => {
          const pattern = RoutePattern.parse(route);
          const got = platform === 'express' ? expressMatch(pattern, url) : fastifyMatch(pattern, url);
          const expected = djangoMatch(pattern.route, url.slice(1));
          expect(got).toEqual(expected);
          // reverse() builds a URL that resolves to the same values (`007` comes back as `7`, as in Django).
          if (expected) expect(djangoMatch(pattern.route, pattern.reverse(expected).slice(1))).toEqual(expected);
        }),
        { numRuns: 1000 },
      );
    },
  );
});
