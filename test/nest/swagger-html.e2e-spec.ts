import { beforeAll, describe, expect, it } from '@jest/globals';
import { ApiResponse, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CharField,
  ChoiceField,
  ClassView,
  ClassViewsModule,
  DeleteView,
  DetailView,
  EmailField,
  Form,
  FormView,
  IntegerField,
  JsonResponseMixin,
  ListView,
  MonthArchiveView,
  schemaForm,
  TemplateView,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

const BOOKS = [{ id: 1, title: 'Dune', author: 'Herbert' }];

@ClassView('about/')
class AboutView extends TemplateView {
  override templateName = 'about.html';
}

@ClassView('books/')
class BookListView extends JsonResponseMixin(ListView) {
  override queryset = BOOKS;
  override templateName = 'books.html';
  override jsonFields = ['id', 'title'];
}

@ClassView('books/<int:pk>/')
class BookDetailView extends DetailView {
  override queryset = BOOKS;
  override templateName = 'book.html';
}

@ClassView('books/<int:pk>/delete/')
class BookDeleteView extends JsonResponseMixin(DeleteView) {
  override queryset = BOOKS;
  override templateName = 'book_confirm_delete.html';
  override successUrl = '/books/';
  override jsonFields = ['id'];
}

@ClassView('books/archive/<int:year>/<str:month>/')
class BookMonthView extends JsonResponseMixin(MonthArchiveView) {
  override queryset = BOOKS;
  override dateField = 'published';
  override jsonFields = ['id', 'title'];
}

class ContactForm extends Form {
  static override fields = {
    name: new CharField({ maxLength: 100 }),
    email: new EmailField(),
    age: new IntegerField({ required: false, minValue: 18 }),
    topic: new ChoiceField({
      choices: [
        ['books', 'Books'],
        ['other', 'Other'],
      ],
    }),
  };
}

@ClassView('contact/')
class ContactView extends FormView {
  override templateName = 'contact.html';
  override formClass = ContactForm;
  override successUrl = '/thanks/';

  @ApiResponse({ status: 200, description: 'Ours: the contact page again' })
  override async post(...args: Parameters<FormView['post']>) {
    return super.post(...args);
  }
}

@ClassView('subscribe/')
class SubscribeView extends JsonResponseMixin(FormView) {
  override templateName = 'subscribe.html';
  override formClass = schemaForm(z.object({ email: z.email(), weekly: z.boolean() }));
  override successUrl = '/thanks/';
}

describe.each(PLATFORMS)('OpenAPI for HTML views on %s', (platform) => {
  const served = useTestApp(platform, {
    imports: [ClassViewsModule.forRoot()],
    providers: [AboutView, BookListView, BookMonthView, BookDetailView, BookDeleteView, ContactView, SubscribeView],
  });
  let paths: Record<string, Record<string, any>>;
  beforeAll(() => {
    paths = (SwaggerModule.createDocument(served.app, new DocumentBuilder().build()) as OpenAPIObject).paths as never;
  });

  it('lists a template view’s GET as a text/html page', () => {
    expect(paths['/about/']!.get.responses).toEqual({
      '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } },
    });
  });

  it('lists a negotiated list view with text/html and its JSON body, the objects with the chosen fields', () => {
    const { content } = paths['/books/']!.get.responses['200'];
    expect(content['text/html']).toEqual({ schema: { type: 'string' } });
    expect(content['application/json'].schema).toEqual({
      type: 'object',
      properties: {
        object_list: { type: 'array', items: { type: 'object', properties: { id: {}, title: {} } } },
        page: { type: 'object', nullable: true },
      },
    });
  });

  it('lists a date view’s JSON dates beside its objects: date_list, the period and its neighbours as dates', () => {
    const { properties } =
      paths['/books/archive/{year}/{month}/']!.get.responses['200'].content['application/json'].schema;
    expect(Object.keys(properties)).toEqual([
      'object_list',
      'page',
      'date_list',
      ...['year', 'month', 'week', 'day'].flatMap((period) => [period, `next_${period}`, `previous_${period}`]),
    ]);
    expect(properties.date_list).toEqual({ type: 'array', items: { type: 'string', format: 'date' }, nullable: true });
    expect(properties.next_month).toEqual({ type: 'string', format: 'date', nullable: true });
    expect(paths['/books/archive/{year}/{month}/']!.get.responses['404']).toEqual({
      description: 'A date the URL does not give, or a period without objects (unless allowEmpty)',
    });
  });

  it('lists a detail view’s 404', () => {
    expect(Object.keys(paths['/books/{pk}/']!.get.responses).sort()).toEqual(['200', '404']);
    expect(Object.keys(paths['/books/{pk}/']!.get.responses['200'].content)).toEqual(['text/html']);
  });

  it('lists a form’s body as urlencoded and JSON with the schema of its fields, and its answers', () => {
    const post = paths['/contact/']!.post;
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 100 },
        email: { type: 'string', format: 'email', maxLength: 320 },
        age: { type: 'integer', minimum: 18 },
        topic: { enum: ['books', 'other'] },
      },
      required: ['name', 'email', 'topic'],
    };
    expect(post.requestBody.content).toEqual({
      'application/x-www-form-urlencoded': { schema },
      'application/json': { schema },
    });
    expect(Object.keys(post.responses).sort()).toEqual(['200', '302', '403']);
    expect(post.responses['200'].description).toBe('Ours: the contact page again');
  });

  it('takes a Standard Schema form’s body schema from its validator, with the JSON answers (201, 422)', () => {
    const post = paths['/subscribe/']!.post;
    const schema = post.requestBody.content['application/json'].schema;
    expect(schema.properties).toEqual({
      email: expect.objectContaining({ type: 'string', format: 'email' }),
      weekly: { type: 'boolean' },
    });
    expect(schema.required).toEqual(['email', 'weekly']);
    expect(Object.keys(post.responses).sort()).toEqual(['200', '201', '302', '403', '422']);
  });

  it('lists a delete view’s answers: 302 for a browser, 204 for JSON, 404', () => {
    expect(Object.keys(paths['/books/{pk}/delete/']!.delete.responses).sort()).toEqual(['204', '302', '403', '404']);
    expect(Object.keys(paths['/books/{pk}/delete/']!.post.responses).sort()).toEqual(
      expect.arrayContaining(['302', '404']),
    );
  });
});
