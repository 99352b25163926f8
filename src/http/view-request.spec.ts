import { describe, expect, it } from '@jest/globals';
import { ViewRequest } from './view-request.js';

const make = (url: string, raw: Record<string, unknown> = {}) =>
  new ViewRequest({ headers: { 'x-token': 'a', accept: ['text/html', 'application/json'] }, ...raw }, 'GET', url);

describe('ViewRequest', () => {
  it('decodes the path and keeps the raw one', () => {
    const request = make('/caf%C3%A9/a%20b/?q=1');
    expect(request.path).toBe('/café/a b/');
    expect(request.rawPath).toBe('/caf%C3%A9/a%20b/');
  });

  it('keeps a malformed escape in the path instead of failing', () => {
    expect(make('/bad/%E0%A4%A/').path).toBe('/bad/%E0%A4%A/');
  });

  it('gives the raw query string and a QueryDict of it', () => {
    const request = make('/x/?a=1&a=2&u=%E2%9C%93');
    expect(request.queryString).toBe('a=1&a=2&u=%E2%9C%93');
    expect(request.query.get('a')).toBe('2');
    expect(request.query.getList('a')).toEqual(['1', '2']);
    expect(request.getFullPath()).toBe('/x/?a=1&a=2&u=%E2%9C%93');
  });

  it('reads headers case-insensitively, joining repeated ones', () => {
    const request = make('/');
    expect(request.header('X-Token')).toBe('a');
    expect(request.header('Accept')).toBe('text/html, application/json');
  });

  it('exposes what guards attached, the body and the platform request', () => {
    const raw = { headers: {}, user: { name: 'Ada' }, body: { a: 1 }, tenant: 't1' };
    const request = new ViewRequest(raw, 'POST', '/');
    expect(request.user).toEqual({ name: 'Ada' });
    expect(request.body).toEqual({ a: 1 });
    expect(request.get('tenant')).toBe('t1');
    expect(request.raw).toBe(raw);
  });
});
