import { describe, expect, it } from '@jest/globals';
import { DisallowedRedirect } from '../exceptions/disallowed-redirect.exception.js';
import { HttpResponse, HttpResponseGone, HttpResponseNotAllowed, HttpResponseNotModified } from './http-response.js';
import { HttpResponsePermanentRedirect, HttpResponseRedirect } from './http-response-redirect.js';
import { JsonResponse } from './json-response.js';
import { isPlainObject } from '@nestjs/common/utils/shared.utils.js';
import { TemplateResponse } from '../templates/template-response.js';

describe('HttpResponse', () => {
  it('defaults to 200, an empty body and Django’s content type', () => {
    const response = new HttpResponse();
    expect(response.status).toBe(200);
    expect(response.content).toBe('');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('sends a given content type verbatim', () => {
    expect(new HttpResponse('x', { contentType: 'text/plain' }).headers.get('Content-Type')).toBe('text/plain');
  });

  it('treats header names case-insensitively and keeps the case they were set with', () => {
    const response = new HttpResponse('x', { headers: { 'X-Custom': 'a' } });
    response.setHeader('x-custom', 'b');
    expect(response.headers.get('X-CUSTOM')).toBe('b');
    expect([...response.headers].map(([name]) => name)).toEqual(['x-custom', 'Content-Type']);
  });

  it('keeps the content type the writers read in step with the headers, in any case', () => {
    const response = new HttpResponse('x', { headers: { 'content-TYPE': 'text/plain' } });
    expect([...response.headers]).toEqual([['content-TYPE', 'text/plain']]);
    expect(response.headers.contentType).toBe('text/plain');
    response.setHeader('Content-Type', 'application/json');
    expect(response.headers.contentType).toBe('application/json');
    response.headers.delete('CONTENT-TYPE');
    expect(response.headers.contentType).toBeUndefined();
    expect(new HttpResponseNotModified().headers.contentType).toBeUndefined();
  });

  it('stores numbers in headers as text and joins repeated values on read', () => {
    const response = new HttpResponse('', { headers: { 'Content-Length': 0, 'Set-Cookie': ['a=1', 'b=2'] } });
    expect(response.headers.get('content-length')).toBe('0');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
  });

  it('refuses a header HTTP cannot carry where it is set, as Django raises BadHeaderError', () => {
    const message = (name: string) =>
      `The response header '${name}' has a name or value that HTTP does not allow (a line break, a control character, a character above U+00FF, or a value that is not a string). Remove those characters or percent-encode the value.`;
    const response = new HttpResponse('x');
    expect(() => response.setHeader('X-Echo', 'a\r\nSet-Cookie: evil=1')).toThrow(message('X-Echo'));
    expect(() => response.setHeader('X Echo', 'v')).toThrow(message('X Echo'));
    expect(() => response.headers.set('Set-Cookie', ['a=1', 'b=\u0000'])).toThrow(message('Set-Cookie'));
    expect(() => new HttpResponse('x', { headers: { 'X-Missing': undefined as unknown as string } })).toThrow(
      message('X-Missing'),
    );
    expect(() => new HttpResponse('x', { contentType: 'text/html\n' })).toThrow(message('Content-Type'));
    expect([...response.headers].map(([name]) => name)).toEqual(['Content-Type']);
  });

  it('exposes Django’s statusCode name', () => {
    const response = new HttpResponse('', { status: 201 });
    response.statusCode = 202;
    expect(response.status).toBe(202);
  });
});

describe('HttpResponse and Nest’s result check', () => {
  class TaggedResponse extends HttpResponse {
    tag = 'tagged';
    #secret = 's';
    get secret(): string {
      return this.#secret;
    }
  }

  /** How many times `Function.prototype.toString` runs during `fn()`. */
  function countToString(fn: () => void): number {
    const original = Function.prototype.toString;
    let calls = 0;
    Function.prototype.toString = function (this: Function) {
      calls++;
      return original.call(this);
    };
    try {
      fn();
    } finally {
      Function.prototype.toString = original;
    }
    return calls;
  }

  it.each([
    ['HttpResponse', () => new HttpResponse('x')],
    ['HttpResponseNotAllowed', () => new HttpResponseNotAllowed(['GET'])],
    ['TemplateResponse', () => new TemplateResponse(undefined, 'a.html')],
    ['a user subclass', () => new TaggedResponse('x')],
  ])('%s: Nest’s isPlainObject() answers without reading source text (Function.prototype.toString)', (_name, make) => {
    const response = make();
    // The baseline: a class instance does cost two toString calls.
    expect(countToString(() => isPlainObject(new (class Plain {})()))).toBe(2);
    expect(countToString(() => expect(isPlainObject(response)).toBe(false))).toBe(0);
  });

  it('keeps the class identity: instanceof, constructor, methods, accessors and subclass fields', () => {
    const response = new TaggedResponse('x', { status: 201 });
    expect(response).toBeInstanceOf(TaggedResponse);
    expect(response).toBeInstanceOf(HttpResponse);
    expect(response.constructor).toBe(TaggedResponse);
    expect(response.tag).toBe('tagged');
    expect(response.secret).toBe('s');
    expect(response.statusCode).toBe(201);
    expect(response.setHeader('X-A', '1')).toBe(response);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(response))).toBe(TaggedResponse.prototype);
    expect(new HttpResponse().constructor).toBe(HttpResponse);
    // Made alternately, each keeps its class (the maker of the last class is cached).
    expect(
      [TaggedResponse, HttpResponse, TaggedResponse, HttpResponse].map((Class) => new Class().constructor),
    ).toEqual([TaggedResponse, HttpResponse, TaggedResponse, HttpResponse]);
  });

  it('answers then with undefined from its hidden prototype: a promise resolves to the response itself', async () => {
    const response = new TaggedResponse('x');
    expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(response), 'then')).toEqual({
      value: undefined,
      writable: true,
      enumerable: false,
      configurable: true,
    });
    await expect(Promise.resolve(response)).resolves.toBe(response);
    await expect((async () => response)()).resolves.toBe(response);
    expect(Object.keys(response)).not.toContain('then');
  });

  it('keeps a then() of its class, as a method, a getter or a field, and is awaited through it', async () => {
    class MethodThen extends HttpResponse {
      // biome-ignore lint/suspicious/noThenProperty: the test is about a response class that defines then()
      then(resolve: (value: string) => void): void {
        resolve(`method ${this.text}`);
      }
    }
    class GetterThen extends HttpResponse {
      // biome-ignore lint/suspicious/noThenProperty: the test is about a response class that defines then()
      get then() {
        return (resolve: (value: string) => void) => resolve(`getter ${this.text}`);
      }
    }
    class FieldThen extends HttpResponse {
      // biome-ignore lint/suspicious/noThenProperty: the test is about a response class that defines then()
      then = (resolve: (value: string) => void) => resolve(`field ${this.text}`);
    }
    await expect(Promise.resolve(new MethodThen('x'))).resolves.toBe('method x');
    await expect(Promise.resolve(new GetterThen('x'))).resolves.toBe('getter x');
    await expect(Promise.resolve(new FieldThen('x'))).resolves.toBe('field x');
  });
});

describe('Response subclasses', () => {
  it('HttpResponseNotAllowed answers 405 with Allow joined by a comma and a space', () => {
    const response = new HttpResponseNotAllowed(['GET', 'HEAD']);
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expect(response.content).toBe('');
  });

  it('HttpResponseGone answers 410 and HttpResponseNotModified 304 without a content type', () => {
    expect(new HttpResponseGone().status).toBe(410);
    const notModified = new HttpResponseNotModified();
    expect(notModified.status).toBe(304);
    expect(notModified.headers.has('Content-Type')).toBe(false);
  });

  it('redirects with 302 or 301 and keeps a relative Location as given', () => {
    expect(new HttpResponseRedirect('../up/?a=1').status).toBe(302);
    expect(new HttpResponseRedirect('../up/?a=1').url).toBe('../up/?a=1');
    expect(new HttpResponsePermanentRedirect('https://example.com/').status).toBe(301);
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'java\tscript:x'])(
    'refuses the unsafe redirect %j',
    (url) => {
      expect(() => new HttpResponseRedirect(url)).toThrow(DisallowedRedirect);
    },
  );

  it('names the refused scheme as Django does', () => {
    expect(() => new HttpResponseRedirect('javascript:alert(1)')).toThrow(
      "Unsafe redirect to URL with protocol 'javascript'",
    );
  });

  it('allows http, https, ftp and relative URLs', () => {
    for (const url of ['http://a/', 'https://a/', 'ftp://a/', '/a/', 'a/b', '?page=2']) {
      expect(() => new HttpResponseRedirect(url)).not.toThrow();
    }
  });
});

describe('JsonResponse', () => {
  it('serializes an object as application/json', () => {
    const response = new JsonResponse({ a: [1, 2] });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text).toBe('{"a":[1,2]}');
  });

  it('refuses a non-object unless safe is false, with Django’s message', () => {
    expect(() => new JsonResponse([1])).toThrow(
      new TypeError('In order to allow non-dict objects to be serialized set the safe parameter to False.'),
    );
    expect(new JsonResponse([1], { safe: false }).text).toBe('[1]');
  });

  it('takes the status, headers, content type and replacer of its options, and leaves them unchanged', () => {
    const init = {
      status: 201,
      headers: { Vary: 'Accept' },
      contentType: 'application/vnd.api+json',
      replacer: (key: string, value: unknown) => (key === 'secret' ? undefined : value),
    };
    const response = new JsonResponse({ id: 1, secret: 'x' }, init);
    expect([
      response.status,
      response.headers.get('vary'),
      response.headers.get('content-type'),
      response.text,
    ]).toEqual([201, 'Accept', 'application/vnd.api+json', '{"id":1}']);
    expect(Object.keys(init)).toEqual(['status', 'headers', 'contentType', 'replacer']);
  });
});
