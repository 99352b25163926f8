import { describe, expect, it } from '@jest/globals';
import { RoutePattern } from '../urls/route-pattern.js';
import { appendSlashRedirect, slashedLocation } from './append-slash.js';
import { ClassViewRoute } from './class-view-route.js';
import { ServedPaths } from './served-paths.js';

const handler = () => undefined;

/** The routes as Nest registers them on Fastify under `prefix` ('' or '/api'). */
function served(prefix: string, routes = ['about/', 'books/<int:pk>/', 'files/<path:rest>/', 'feed', '']): ServedPaths {
  const paths = new ServedPaths();
  for (const route of routes) {
    const pattern = RoutePattern.parse(route);
    paths.add(new ClassViewRoute(pattern, 'V', true), `${prefix}${pattern.toPlatformPath('fastify')}`, handler);
  }
  return paths;
}

describe('APPEND_SLASH outside the route (Fastify)', () => {
  const paths = served('');

  it('redirects GET and HEAD to the slashed path when a route serves it, query kept', () => {
    expect(appendSlashRedirect('GET', '/books/7?x=%E2%9C%93', paths)?.url).toBe('/books/7/?x=%E2%9C%93');
    expect(appendSlashRedirect('HEAD', '/about', paths)?.status).toBe(301);
  });

  it('does nothing for other methods, slashed paths, or paths no route serves', () => {
    expect(appendSlashRedirect('POST', '/about', paths)).toBeNull();
    expect(appendSlashRedirect('GET', '/about/', paths)).toBeNull();
    expect(appendSlashRedirect('GET', '/books/abc', paths)).toBeNull();
    expect(appendSlashRedirect('GET', '/nowhere', paths)).toBeNull();
    expect(appendSlashRedirect('GET', '/feed', paths)).toBeNull();
  });

  it('honours what Nest put before the route (global prefix)', () => {
    const prefixed = served('/api');
    expect(appendSlashRedirect('GET', '/api/about', prefixed)?.url).toBe('/api/about/');
    expect(appendSlashRedirect('GET', '/about', prefixed)).toBeNull();
    expect(appendSlashRedirect('GET', '/api', prefixed)?.url).toBe('/api/');
  });

  it('matches decoded paths and refuses malformed escapes', () => {
    expect(appendSlashRedirect('GET', '/files/a%20b/c', paths)?.url).toBe('/files/a%20b/c/');
    expect(appendSlashRedirect('GET', '/files/%E0%A4%A', paths)).toBeNull();
  });

  it('never builds a Location that leaves the host', () => {
    expect(slashedLocation('//evil.example/about')).toBe('/%2Fevil.example/about/');
  });
});

describe('ServedPaths', () => {
  it('finds the route of a decoded path, with the raw captures the route converts', () => {
    const paths = served('/api');
    expect(paths.find('/api/about/')?.params).toEqual({});
    expect(paths.find('/api/books/7/')?.params).toEqual({ pk: '7' });
    expect(paths.find('/api/files/a/b/')?.params).toEqual({ rest: 'a/b' });
    expect(paths.find('/api/')?.served.route.pattern.route).toBe('');
    expect(paths.find('/api/about')).toBeNull();
    expect(paths.find('/api/books/x/')).toBeNull();
    expect(paths.find('/apibooks/7/')).toBeNull();
    expect(paths.find('/books/7/')).toBeNull();
  });
});

describe('RoutePattern.match', () => {
  it('resolves a whole path to typed kwargs, as Django’s resolver does', () => {
    expect(RoutePattern.parse('books/<int:pk>/').match('books/7/')).toEqual({ pk: 7 });
    expect(RoutePattern.parse('books/<int:pk>/').match('books/x/')).toBeNull();
    expect(RoutePattern.parse('a.b/').match('axb/')).toBeNull();
    expect(RoutePattern.parse('files/<path:rest>').match('files/a/b.txt')).toEqual({ rest: 'a/b.txt' });
  });
});
