import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { HttpResponse } from '../http/http-response.js';
import { ViewRequest } from '../http/view-request.js';
import { BaseDetailView, DetailView } from './detail.view.js';
import { BaseListView, ListView } from './list.view.js';

const setUp = <V extends ListView | DetailView>(view: V, kwargs: Record<string, unknown> = {}) => {
  view.setup(new ViewRequest({ headers: {} }, 'GET', '/x/'), [], kwargs);
  return view;
};

describe('ListView and DetailView misconfiguration', () => {
  it('tells a Base view with no way to render which class or mixin to use', () => {
    class BareListView extends BaseListView {}
    class BareDetailView extends BaseDetailView {}
    expect(() => new BareListView().renderToResponse({})).toThrow(
      new ImproperlyConfigured(
        'BareListView has no renderToResponse(). Extend ListView for templates, or apply JsonResponseMixin for JSON.',
      ),
    );
    expect(() => new BareDetailView().renderToResponse({})).toThrow(
      new ImproperlyConfigured(
        'BareDetailView has no renderToResponse(). Extend DetailView for templates, or apply JsonResponseMixin for JSON.',
      ),
    );
  });

  it('lets asView() reset model and queryset to null where the class sets them, as Django users do', () => {
    class Book {}
    class BookListView extends ListView<Book> {
      override model = Book;
      override paginateBy = 20;
    }
    const route = BookListView.asView({ queryset: null, model: null, paginateBy: null, templateName: 'books.html' });
    expect(route.initkwargs).toEqual({ queryset: null, model: null, paginateBy: null, templateName: 'books.html' });
    // @ts-expect-error an attribute whose default is not null still refuses null
    expect(BookListView.asView({ paginateOrphans: null }).initkwargs).toEqual({ paginateOrphans: null });
  });

  it('names the class and every fix when nothing says where the objects are', () => {
    class NothingView extends ListView {}
    expect(() => setUp(new NothingView()).getQueryset()).toThrow(
      new ImproperlyConfigured(
        'NothingView is missing a QuerySet. Define NothingView.model, NothingView.queryset, or override NothingView.getQueryset().',
      ),
    );
  });

  it('refuses a detail view routed without pk nor slug, with Django’s message', async () => {
    class OrphanDetailView extends DetailView {
      queryset = [{ id: 1 }];
    }
    await expect(setUp(new OrphanDetailView()).getObject()).rejects.toThrow(
      'Generic detail view OrphanDetailView must be called with either an object pk or a slug in the URLconf.',
    );
  });

  it('ignores a slug next to a pk unless queryPkAndSlug', async () => {
    const items = [{ id: 1, slug: 'one' }];
    class ItemView extends DetailView {
      queryset = items;
    }
    expect(await setUp(new ItemView(), { pk: 1, slug: 'wrong' }).getObject()).toBe(items[0]);
    const strict = setUp(new ItemView(), { pk: 1, slug: 'wrong' });
    strict.queryPkAndSlug = true;
    await expect(strict.getObject()).rejects.toThrow('No object found matching the query');
  });

  it('uses templateName alone on a detail view, and the model name otherwise', () => {
    class Book {
      constructor(readonly id: number) {}
    }
    const view = setUp(new DetailView());
    view.object = new Book(1);
    expect(view.getTemplateNames()).toEqual(['book_detail.html']);
    view.templateName = 'custom.html';
    expect(view.getTemplateNames()).toEqual(['custom.html']);
  });

  it('refuses a list without template name nor model, with the fix in the message', () => {
    const view = setUp(new ListView());
    expect(() => view.getTemplateNames()).toThrow(
      "ListView requires either a 'templateName' attribute or a getQueryset() method that returns a data source with a model name.",
    );
  });
});

describe('ListView context and conditional GET', () => {
  class ShelfView extends ListView {
    queryset = ['a', 'b', 'c'];
    paginateBy = 2;
  }

  it('lets getContextData() kwargs win over the list’s names, objectList replace the objects, and keeps the caller’s object as it was', async () => {
    const view = setUp(new ShelfView());
    await view.loadObjectList();
    const kwargs = { objectList: ['z'], is_paginated: 'mine', extra: 1 };
    const context = view.getContextData(kwargs);
    expect(context.object_list).toEqual(['z']);
    expect(context.is_paginated).toBe('mine');
    expect(context.extra).toBe(1);
    expect(context).not.toHaveProperty('objectList');
    expect((context.page_obj as { number: number }).number).toBe(1);
    expect(context.view).toBe(view);
    expect(kwargs).toEqual({ objectList: ['z'], is_paginated: 'mine', extra: 1 });
  });

  it('adds no validators when getLastModified() and getEtag() give none', async () => {
    const view = setUp(new ShelfView());
    expect(await view.checkNotModified()).toBeNull();
    expect(view.validators).toBeUndefined();
    const response = view.withValidators(new HttpResponse('x'));
    expect([response.headers.has('ETag'), response.headers.has('Last-Modified')]).toEqual([false, false]);
  });

  it('waits for validators given as promises, even when they resolve to null', async () => {
    class PromisedView extends ShelfView {
      getEtag() {
        return Promise.resolve('v1');
      }
      getLastModified() {
        return Promise.resolve(null);
      }
    }
    const view = new PromisedView();
    view.setup(new ViewRequest({ headers: { 'if-none-match': '"v1"' } }, 'GET', '/x/'), [], {});
    const notModified = await view.checkNotModified();
    expect(notModified?.statusCode).toBe(304);
    expect(notModified?.headers.get('ETag')).toBe('"v1"');
    const fresh = setUp(new PromisedView());
    expect(await fresh.checkNotModified()).toBeNull();
    expect(fresh.withValidators(new HttpResponse('x')).headers.get('ETag')).toBe('"v1"');
  });
});

describe('DetailView template names (Django’s SingleObjectTemplateResponseMixin)', () => {
  class Book {
    constructor(readonly template: string | null) {}
  }

  it('uses templateName alone when set, else the object’s templateNameField, then <model>_detail.html', () => {
    class NamedView extends DetailView {
      templateName = 'named.html';
      templateNameField = 'template';
    }
    class FieldView extends DetailView {
      templateNameField = 'template';
    }
    const named = new NamedView();
    named.object = new Book('own.html');
    expect(named.getTemplateNames()).toEqual(['named.html']);
    const field = new FieldView();
    field.object = new Book('own.html');
    expect(field.getTemplateNames()).toEqual(['own.html', 'book_detail.html']);
    field.object = new Book(null);
    expect(field.getTemplateNames()).toEqual(['book_detail.html']);
  });

  it('raises Django’s ImproperlyConfigured when nothing names a template', () => {
    class NamelessView extends DetailView {}
    const view = new NamelessView();
    view.object = { id: 1 };
    expect(() => view.getTemplateNames()).toThrow(
      new ImproperlyConfigured(
        "TemplateResponseMixin requires either a definition of 'templateName' or an implementation of 'getTemplateNames()'",
      ),
    );
  });
});
