import { describe, expect, it } from '@jest/globals';
import { HeaderValue, ResponseHeaders } from './response-headers.js';

/** What the writers get from `forEachHeader()`, which must be what the iterator gives. */
function written(headers: ResponseHeaders): [string, HeaderValue][] {
  const target: [string, HeaderValue][] = [];
  headers.forEachHeader((name, value, into) => into.push([name, value]), target);
  return target;
}

describe('ResponseHeaders', () => {
  it('reads, replaces and deletes its one header by name in any case', () => {
    const headers = new ResponseHeaders();
    expect([...headers]).toEqual([]);
    headers.set('X-Mode', 'a');
    headers.set('x-MODE', 'b');
    expect([...headers]).toEqual([['x-MODE', 'b']]);
    expect(headers.get('X-MODE')).toBe('b');
    expect(headers.has('x-mode')).toBe(true);
    expect(headers.has('X-Other')).toBe(false);
    expect(headers.delete('X-Other')).toBe(false);
    expect(headers.delete('X-Mode')).toBe(true);
    expect(headers.delete('X-Mode')).toBe(false);
    expect([...headers]).toEqual([]);
    expect(headers.get('X-Mode')).toBeUndefined();
  });

  it('keeps the order headers were first set in, from one header to many', () => {
    const headers = new ResponseHeaders({ 'Content-Type': 'text/plain' });
    headers.set('Vary', 'Accept');
    headers.set('Allow', 'GET');
    headers.set('content-type', 'text/csv');
    expect([...headers]).toEqual([
      ['content-type', 'text/csv'],
      ['Vary', 'Accept'],
      ['Allow', 'GET'],
    ]);
    expect(headers.delete('VARY')).toBe(true);
    expect(headers.has('Vary')).toBe(false);
    expect(headers.toJSON()).toEqual({ 'content-type': 'text/csv', Allow: 'GET' });
    expect(headers.contentType).toBe('text/csv');
  });

  it('sets a header again after its only one was deleted', () => {
    const headers = new ResponseHeaders({ Allow: 'GET' });
    headers.delete('allow');
    headers.set('Vary', 'Cookie');
    headers.set('Allow', 'POST');
    expect([...headers]).toEqual([
      ['Vary', 'Cookie'],
      ['Allow', 'POST'],
    ]);
  });

  it('hands the writers the same headers as its iterator, with no header, one and many', () => {
    const headers = new ResponseHeaders();
    expect(written(headers)).toEqual([]);
    headers.setContentType('text/plain');
    expect(written(headers)).toEqual([['Content-Type', 'text/plain']]);
    headers.set('Set-Cookie', ['a=1', 'b=2']);
    headers.set('content-TYPE', 'text/csv');
    expect(written(headers)).toEqual([
      ['content-TYPE', 'text/csv'],
      ['Set-Cookie', ['a=1', 'b=2']],
    ]);
    expect(written(headers)).toEqual([...headers]);
    headers.delete('Content-Type');
    expect(written(headers)).toEqual([['Set-Cookie', ['a=1', 'b=2']]]);
    const one = new ResponseHeaders({ Allow: 'GET' });
    one.delete('allow');
    expect(written(one)).toEqual([]);
  });

  it('knows when Content-Type is its one header, in any case', () => {
    const headers = new ResponseHeaders();
    expect(headers.onlyContentType).toBe(false);
    headers.set('content-TYPE', 'text/csv');
    expect(headers.onlyContentType).toBe(true);
    headers.set('Vary', 'Cookie');
    expect(headers.onlyContentType).toBe(false);
    headers.delete('Vary');
    expect(headers.onlyContentType).toBe(false);
    const other = new ResponseHeaders({ Allow: 'GET' });
    expect(other.onlyContentType).toBe(false);
    other.delete('allow');
    other.set('Content-Type', 'text/csv');
    expect(other.onlyContentType).toBe(true);
    expect(written(other)).toEqual([['Content-Type', 'text/csv']]);
  });
});
