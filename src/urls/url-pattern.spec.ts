import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { RoutePattern } from './route-pattern.js';
import { path, UrlPattern, type ViewRoute } from './url-pattern.js';
import { thrownBy } from '../../test/utils/errors.js';

class BookDetailView {}
const bookDetail: ViewRoute = { viewClass: BookDetailView, initkwargs: Object.freeze({}) };

describe('path', () => {
  it('returns a UrlPattern holding the parsed route and the view', () => {
    const pattern = path('books/<int:pk>/', bookDetail);
    expect(pattern).toBeInstanceOf(UrlPattern);
    expect(pattern.pattern).toBeInstanceOf(RoutePattern);
    expect(pattern.pattern.route).toBe('books/<int:pk>/');
    expect(pattern.view).toBe(bookDetail);
  });

  it('keeps the name given in the options', () => {
    expect(path('books/<int:pk>/', bookDetail, { name: 'book-detail' }).name).toBe('book-detail');
  });

  it('leaves the name undefined without options', () => {
    expect(path('books/', bookDetail).name).toBeUndefined();
  });

  it('parses the route at once', () => {
    expect(thrownBy(() => path('x/<foo:pk>/', bookDetail))).toStrictEqual(
      new ImproperlyConfigured("URL route 'x/<foo:pk>/' uses invalid converter 'foo'."),
    );
  });

  it('refuses a view class that was not passed through asView()', () => {
    expect(thrownBy(() => path('books/', BookDetailView as unknown as ViewRoute))).toStrictEqual(
      new TypeError('view must be a view made by View.asView(), not the class BookDetailView.'),
    );
  });

  it('refuses a plain function', () => {
    function handler(): void {}
    expect(thrownBy(() => path('books/', handler as unknown as ViewRoute))).toStrictEqual(
      new TypeError('view must be a view made by View.asView(), not the function handler.'),
    );
  });

  it('refuses an object without viewClass', () => {
    expect(thrownBy(() => path('books/', {} as ViewRoute))).toStrictEqual(
      new TypeError('view must be a view made by View.asView(), not an object without viewClass.'),
    );
  });

  it('refuses undefined', () => {
    expect(thrownBy(() => path('books/', undefined as unknown as ViewRoute))).toStrictEqual(
      new TypeError('view must be a view made by View.asView(), not undefined.'),
    );
  });

  it('refuses an empty name', () => {
    expect(thrownBy(() => path('books/', bookDetail, { name: '' }))).toStrictEqual(
      new TypeError('The name of a URL pattern must be a non-empty string, not an empty string.'),
    );
  });
});
