import { describe, expect, it } from '@jest/globals';
import nunjucks from 'nunjucks';
import { expectLinear } from '../../test/utils/linear.js';
import { QueryDict } from '../http/query-dict.js';
import { querystring, querystringGlobal } from './querystring.js';

const q = (text: string) => QueryDict.parse(text);

describe('querystring(), as Django’s {% querystring %}', () => {
  it('gives the current query string as it is', () => {
    expect(querystring(q('color=green'))).toBe('?color=green');
  });

  it('replaces a parameter and keeps the others in place (Django’s documented example)', () => {
    expect(querystring(q('color=green&size=M'), { color: 'red' })).toBe('?color=red&size=M');
    expect(querystring(q('color=green&page=2'), { page: 3 })).toBe('?color=green&page=3');
  });

  it('adds a parameter the query lacks at the end', () => {
    expect(querystring(q('q=dune'), { page: 2 })).toBe('?q=dune&page=2');
  });

  it('removes a parameter set to null or undefined (Django’s None)', () => {
    expect(querystring(q('color=green&size=M'), { color: null })).toBe('?size=M');
    expect(querystring(q('color=green&size=M'), { size: undefined })).toBe('?color=green');
  });

  it('sets every value of a list, and replaces all the values of a repeated key', () => {
    expect(querystring(q('size=M'), { color: ['red', 'blue'] })).toBe('?size=M&color=red&color=blue');
    expect(querystring(q('tag=a&tag=b&page=4'), { page: 1 })).toBe('?tag=a&tag=b&page=1');
    expect(querystring(q('tag=a&tag=b'), { tag: 'c' })).toBe('?tag=c');
  });

  it('gives "?" for an empty result (Django 5.2: a link to "" would keep the current query)', () => {
    expect(querystring(undefined)).toBe('?');
    expect(querystring(q('page=2'), { page: null })).toBe('?');
  });

  it('encodes keys and values as Python’s urlencode(): + for a space, %XX for the rest but _.-~', () => {
    expect(querystring(q('q=sci+fi'), { 'a b': "it's <1> & ~x*" })).toBe('?q=sci+fi&a+b=it%27s+%3C1%3E+%26+~x%2A');
    expect(querystring(undefined, { city: 'Zürich/€' })).toBe('?city=Z%C3%BCrich%2F%E2%82%AC');
  });

  it('takes time linear in the query (10^4 and 10^5 fields)', () => {
    expectLinear((n) => {
      const many = q(Array.from({ length: n }, (_, i) => `k${i}=a b`).join('&'));
      expect(querystring(many, { page: 2 }).endsWith('&page=2')).toBe(true);
    });
  });
});

describe('querystring() in a nunjucks template', () => {
  const env = new nunjucks.Environment(null, { autoescape: true });
  env.addGlobal('querystring', querystringGlobal);
  const request = { query: q('q=dune&page=1') };

  it('reads the rendered request’s query and takes keyword arguments, escaped for HTML', () => {
    expect(env.renderString('<a href="{{ querystring(page=3) }}">', { request })).toBe('<a href="?q=dune&amp;page=3">');
    expect(env.renderString('{{ querystring() }}', { request })).toBe('?q=dune&amp;page=1');
    expect(env.renderString('{{ querystring(q=none, page=2) }}', { request })).toBe('?page=2');
  });

  it('starts from another QueryDict given first', () => {
    expect(env.renderString('{{ querystring(other, page=2) }}', { request, other: q('x=1') })).toBe('?x=1&amp;page=2');
  });

  it('works without a request', () => {
    expect(env.renderString('{{ querystring(page=2) }}', {})).toBe('?page=2');
  });
});
