import { describe, expect, it } from '@jest/globals';
import { getConditionalResponse, parseEtags } from './conditional.js';

const CHANGED = new Date('2001-02-14T12:00:00Z');

describe('parseEtags', () => {
  it('reads a lone * and keeps only well-formed tags of a list, as Django’s parse_etags()', () => {
    expect(parseEtags(' * ')).toEqual(['*']);
    expect(parseEtags('"a", W/"b", c, *, "d')).toEqual(['"a"', 'W/"b"']);
    expect(parseEtags(undefined)).toEqual([]);
  });
});

describe('getConditionalResponse', () => {
  const check = (
    method: string,
    headers: Record<string, string>,
    etag: string | null = '"v2"',
    modified: Date | null = CHANGED,
  ) => getConditionalResponse(method, headers, etag, modified);

  it('fails If-Match without an ETag to compare, even with *', () => {
    expect(check('PUT', { 'if-match': '*' }, null)).toBe('precondition-failed');
  });

  it('fails If-Unmodified-Since when the resource has no Last-Modified', () => {
    expect(check('PUT', { 'if-unmodified-since': 'Thu, 15 Feb 2001 12:00:00 GMT' }, '"v2"', null)).toBe(
      'precondition-failed',
    );
  });

  it('compares dates in whole seconds', () => {
    const late = new Date(CHANGED.getTime() + 999);
    expect(check('GET', { 'if-modified-since': 'Wed, 14 Feb 2001 12:00:00 GMT' }, null, late)).toBe('not-modified');
    expect(check('PUT', { 'if-unmodified-since': 'Wed, 14 Feb 2001 12:00:00 GMT' }, null, late)).toBeNull();
  });

  it('checks If-Match before If-None-Match: a failed If-Match answers 412 even to a GET', () => {
    expect(check('GET', { 'if-match': '"v1"', 'if-none-match': '"v2"' })).toBe('precondition-failed');
  });
});
