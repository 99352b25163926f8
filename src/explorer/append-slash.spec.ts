import { describe, expect, it } from '@jest/globals';
import { RoutePattern } from '../urls/route-pattern.js';
import { appendSlashRedirect, slashedLocation } from './append-slash.js';

const patterns = ['about/', 'books/<int:pk>/', 'files/<path:rest>/'].map((route) => RoutePattern.parse(route));

describe('APPEND_SLASH outside the route (Fastify)', () => {
  it('redirects GET and HEAD to the slashed path when a route serves it, query kept', () => {
    expect(appendSlashRedirect('GET', '/books/7?x=%E2%9C%93', '', patterns)?.url).toBe('/books/7/?x=%E2%9C%93');
    expect(appendSlashRedirect('HEAD', '/about', '', patterns)?.status).toBe(301);
  });

  it('does nothing for other methods, slashed paths, or paths no route serves', () => {
    expect(appendSlashRedirect('POST', '/about', '', patterns)).toBeNull();
    expect(appendSlashRedirect('GET', '/about/', '', patterns)).toBeNull();
    expect(appendSlashRedirect('GET', '/books/abc', '', patterns)).toBeNull();
    expect(appendSlashRedirect('GET', '/nowhere', '', patterns)).toBeNull();
  });

  it('honours the global prefix', () => {
    expect(appendSlashRedirect('GET', '/api/about', 'api', patterns)?.url).toBe('/api/about/');
    expect(appendSlashRedirect('GET', '/about', 'api', patterns)).toBeNull();
  });

  it('matches decoded paths and refuses malformed escapes', () => {
    expect(appendSlashRedirect('GET', '/files/a%20b/c', '', patterns)?.url).toBe('/files/a%20b/c/');
    expect(appendSlashRedirect('GET', '/files/%E0%A4%A', '', patterns)).toBeNull();
  });

  it('never builds a Location that leaves the host', () => {
    expect(slashedLocation('//evil.example/about')).toBe('/%2Fevil.example/about/');
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
