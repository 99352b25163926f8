import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  ClassViewsModule,
  CreateView,
  DeleteView,
  DetailView,
  Form,
  ImproperlyConfigured,
  ListView,
  path,
  UpdateView,
  type ViewRoute,
} from '../../src/index.js';
import { Book } from '../list/library.js';
import { rejectionOf } from '../utils/errors.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';

class BookForm extends Form {}

describe.each(PLATFORMS)('Model forms are checked at start-up, %s', (platform) => {
  const start = (view: ViewRoute, withRepository = true) =>
    createApp(platform, {
      imports: [
        TypeOrmModule.forRoot({ type: 'sqljs', entities: [Book], synchronize: true }),
        ClassViewsModule.forRoot({
          imports: withRepository ? [TypeOrmModule.forFeature([Book])] : [],
          urlpatterns: [path('books/<int:pk>/edit/', view)],
        }),
      ],
    });

  it('refuses both fields and formClass, with Django’s wording', async () => {
    const error = await rejectionOf(start(CreateView.asView({ model: Book, fields: ['title'], formClass: BookForm })));
    expect(error).toBeInstanceOf(ImproperlyConfigured);
    expect(error.message).toBe(
      "Specifying both 'fields' and 'formClass' is not permitted. CreateView: remove one of them.",
    );
  });

  it('refuses neither, with Django’s wording', async () => {
    const error = await rejectionOf(start(UpdateView.asView({ model: Book })));
    expect(error.message).toBe(
      "Using ModelFormMixin (base class of UpdateView) without the 'fields' attribute is prohibited.",
    );
  });

  it('refuses an unknown field, listing the columns', async () => {
    const error = await rejectionOf(start(CreateView.asView({ model: Book, fields: ['title', 'isbn', 'pages'] })));
    expect(error.message).toBe(
      'Unknown field(s) (isbn, pages) specified for Book. CreateView.fields may name these columns: title, author, slug, publicationDate.',
    );
  });

  it('refuses a generated primary key, with Django’s wording', async () => {
    const error = await rejectionOf(start(CreateView.asView({ model: Book, fields: ['id', 'title'] })));
    expect(error.message).toBe("'id' cannot be specified for Book model form as it is a non-editable field");
  });

  it('refuses fields without a model to read them from', async () => {
    const error = await rejectionOf(start(CreateView.asView({ queryset: [], fields: ['title'] })));
    expect(error.message).toBe(
      "CreateView builds a model form from 'fields' but has no model to read them from. Define CreateView.model, CreateView.queryset (a TypeORM Repository), or set CreateView.formClass.",
    );
  });

  it('accepts an UpdateView with fields and only a getObject() of its own, as Django takes the model from the object', async () => {
    class OwnObjectUpdateView extends UpdateView {
      override async getObject() {
        return new Book();
      }
    }
    const app = await start(OwnObjectUpdateView.asView({ fields: ['title'] }));
    await app.close();
  });

  it('accepts a model that is not an entity when getObject() is the view’s own', async () => {
    class LegacyBook {}
    class LegacyUpdateView extends UpdateView {
      override async getObject() {
        return new Book();
      }
    }
    class LegacyDetailView extends DetailView {
      override async getObject() {
        return new Book();
      }
    }
    await (await start(LegacyUpdateView.asView({ model: LegacyBook, fields: ['title'] }))).close();
    await (await start(LegacyDetailView.asView({ model: LegacyBook, templateName: 'x.html' }))).close();
  });

  it('refuses a DeleteView whose model has no repository', async () => {
    const error = await rejectionOf(start(DeleteView.asView({ model: Book, successUrl: '/' }), false));
    expect(error).toBeInstanceOf(ImproperlyConfigured);
    expect(error.message).toBe(
      'No repository for the model Book. Add TypeOrmModule.forFeature([Book]) to the imports of a module, or override getQueryset().',
    );
  });

  it('refuses a model without its repository', async () => {
    const error = await rejectionOf(start(CreateView.asView({ model: Book, fields: ['title'] }), false));
    expect(error.message).toBe(
      'No repository for the model Book. Add TypeOrmModule.forFeature([Book]) to the imports of a module, or override getQueryset().',
    );
  });
});

describe.each(PLATFORMS)('getQueryset() returning nothing, %s', (platform) => {
  class NoBooksDetailView extends DetailView {
    override getQueryset(): never {
      return null as never;
    }
  }
  class NoBooksListView extends ListView {
    override getQueryset(): never {
      return undefined as never;
    }
  }
  class NoBooksUpdateView extends UpdateView {
    override getQueryset(): never {
      return null as never;
    }
  }
  class NoBooksDeleteView extends DeleteView {
    override getQueryset(): never {
      return null as never;
    }
  }

  it.each([
    ['NoBooksDetailView', 'books/<int:pk>/', NoBooksDetailView.asView({ templateName: 'x.html' }), '/books/1/'],
    ['NoBooksListView', 'books/', NoBooksListView.asView({ templateName: 'x.html' }), '/books/'],
    [
      'NoBooksUpdateView',
      'books/<int:pk>/edit/',
      NoBooksUpdateView.asView({ fields: ['title'], model: Book }),
      '/books/1/edit/',
    ],
    ['NoBooksDeleteView', 'books/<int:pk>/delete/', NoBooksDeleteView.asView({ successUrl: '/' }), '/books/1/delete/'],
  ])(
    '%s: a 500 from Django’s ImproperlyConfigured naming the class, not a TypeError',
    async (name, route, view, url) => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const app = await createApp(platform, {
        imports: [
          TypeOrmModule.forRoot({ type: 'sqljs', entities: [Book], synchronize: true }),
          ClassViewsModule.forRoot({ imports: [TypeOrmModule.forFeature([Book])], urlpatterns: [path(route, view)] }),
        ],
      });
      try {
        expect((await request(app.getHttpServer()).get(url)).status).toBe(500);
        const errors = logged.mock.calls.flat().filter((arg): arg is Error => arg instanceof Error);
        expect(errors.map((error) => [error.constructor.name, error.message])).toContainEqual([
          'ImproperlyConfigured',
          `${name} is missing a QuerySet. Define ${name}.model, ${name}.queryset, or override ${name}.getQueryset().`,
        ]);
      } finally {
        logged.mockRestore();
        await app.close();
      }
    },
  );
});
