import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { HttpResponse } from '../http/http-response.js';
import { ViewRequest } from '../http/view-request.js';
import { View } from './view.js';

const requestFor = (method: string, url = '/x/') => new ViewRequest({ headers: {} }, method, url);

class GreetingView extends View {
  greeting = 'hi';
  get() {
    return new HttpResponse(this.greeting);
  }
}

const run = async (view: View, method: string) => {
  const request = requestFor(method);
  view.setup(request, [], {});
  return view.dispatch(request, [], {});
};

describe('View without a server', () => {
  /** Nest's logger, silenced: a 405 logs Django's warning, asserted where it matters. */
  let warned: jest.Spied<Logger['warn']>;
  beforeEach(() => {
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warned.mockRestore());

  it('dispatches by the lower-cased method', async () => {
    expect((await run(new GreetingView(), 'GET')).text).toBe('hi');
  });

  it('aliases HEAD to GET in setup() only, as Django does', async () => {
    const view = new GreetingView();
    const request = requestFor('HEAD');
    expect((view.dispatch(request, [], {}) as HttpResponse).status).toBe(405);
    view.setup(request, [], {});
    expect((view.dispatch(request, [], {}) as HttpResponse).status).toBe(200);
  });

  it('stores request, args and kwargs in setup()', () => {
    const view = new View();
    const request = requestFor('GET');
    view.setup(request, [1], { pk: 2 });
    expect(view.request).toBe(request);
    expect(view.args).toEqual([1]);
    expect(view.kwargs).toEqual({ pk: 2 });
  });

  it('lists allowed methods in httpMethodNames order after setup()', () => {
    class Both extends View {
      get() {
        return new HttpResponse();
      }
      delete() {
        return new HttpResponse();
      }
    }
    const view = new Both();
    expect(view.allowedMethods()).toEqual(['GET', 'DELETE', 'OPTIONS']);
    view.setup(requestFor('GET'), [], {});
    expect(view.allowedMethods()).toEqual(['GET', 'DELETE', 'HEAD', 'OPTIONS']);
  });

  it('refuses a method missing from httpMethodNames even with a handler', async () => {
    const view = new GreetingView();
    view.httpMethodNames = ['post'];
    expect((await run(view, 'GET')).status).toBe(405);
  });

  it('never calls a property that is not an HTTP handler', async () => {
    const view = new GreetingView();
    expect((await run(view, 'CONSTRUCTOR')).status).toBe(405);
    expect((await run(view, 'DISPATCH')).status).toBe(405);
    expect(warned.mock.calls).toEqual([
      ['Method Not Allowed (CONSTRUCTOR): /x/'],
      ['Method Not Allowed (DISPATCH): /x/'],
    ]);
  });

  it('binds asView() overrides without touching the class', () => {
    const route = GreetingView.asView({ greeting: 'hello' });
    expect(route.viewClass).toBe(GreetingView);
    expect(route.initkwargs).toEqual({ greeting: 'hello' });
    expect(Object.isFrozen(route.initkwargs)).toBe(true);
  });

  it('refuses unknown and method-name keys at compile time too', () => {
    // @ts-expect-error 'greting' is not an attribute of GreetingView (checked again at start-up)
    expect(GreetingView.asView({ greting: 'typo' }).initkwargs).toEqual({ greting: 'typo' });
    // @ts-expect-error handlers cannot be overridden through asView()
    expect(() => GreetingView.asView({ get: () => new HttpResponse() })).toThrow(TypeError);
  });
});
