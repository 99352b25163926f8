import { describe, expect, it } from '@jest/globals';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassViewsModule, CreateView, Form, ImproperlyConfigured, path, UpdateView, type ViewRoute } from '../../src/index.js';
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
    expect(error.message).toBe("Specifying both 'fields' and 'formClass' is not permitted. CreateView: remove one of them.");
  });

  it('refuses neither, with Django’s wording', async () => {
    const error = await rejectionOf(start(UpdateView.asView({ model: Book })));
    expect(error.message).toBe("Using ModelFormMixin (base class of UpdateView) without the 'fields' attribute is prohibited.");
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

  it('refuses a model without its repository', async () => {
    const error = await rejectionOf(start(CreateView.asView({ model: Book, fields: ['title'] }), false));
    expect(error.message).toBe(
      'No repository for the model Book. Add TypeOrmModule.forFeature([Book]) to the imports of a module, or override getQueryset().',
    );
  });
});
