import { describe, expect, it } from '@jest/globals';
import { RoutePattern } from '../urls/route-pattern.js';
import { slashedLocation } from './append-slash.js';

describe('slashedLocation', () => {
  it('adds the slash to the path and keeps the query', () => {
    expect(slashedLocation('/books/7?x=%E2%9C%93')).toBe('/books/7/?x=%E2%9C%93');
  });

  it('never builds a Location that leaves the host', () => {
    expect(slashedLocation('//evil.example/about')).toBe('/%2Fevil.example/about/');
    expect(slashedLocation('/\\evil.example')).toBe('/%5Cevil.example/');
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
