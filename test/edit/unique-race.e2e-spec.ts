import { beforeEach, describe, expect, it } from '@jest/globals';
import { InjectRepository } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { Logger, Repository } from 'typeorm';
import {
  CharField,
  ClassView,
  CreateView,
  DateTimeField,
  Form,
  JsonResponseMixin,
  UpdateView,
} from '../../src/index.js';
import { Book, libraryImports, reseedBooks, seedBooks } from '../list/library.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { describeEachDatabase } from '../utils/databases.js';
import { useTestAppOnDatabase } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

const FIELDS = ['title', 'author', 'slug', 'publicationDate'] as const;
const MESSAGE = 'Book with this Slug already exists.';
const NEW_BOOK = {
  title: 'The Dispossessed',
  author: 'Ursula K. Le Guin',
  slug: 'dispossessed',
  publicationDate: '1974-05-01T00:00',
};

@ClassView('books/new/')
class BookCreateView extends JsonResponseMixin(CreateView<Book>) {
  override model = Book;
  override fields = FIELDS;
  override jsonFields = ['id', 'slug'];
  override successUrl = '/books/{id}/';
}

/**
 * The race made certain: another request's row with the same slug is stored after the
 * form's unique check found none, just before this view saves (`saveForm()`).
 */
@ClassView('raced/new/')
class RacedCreateView extends JsonResponseMixin(CreateView<Book>) {
  override model = Book;
  override fields = FIELDS;
  override jsonFields = ['id', 'slug'];
  override successUrl = '/books/{id}/';

  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {
    super();
  }

  override async saveForm(form: Form) {
    await this.books.insert({ ...seedBooks()[0]!, slug: form.cleanedData.slug as string });
    return super.saveForm(form);
  }
}

/** The same race for an update: another book takes the slug between the check and the save. */
@ClassView('raced/<int:pk>/edit/')
class RacedUpdateView extends JsonResponseMixin(UpdateView<Book>) {
  override model = Book;
  override fields = ['title', 'slug'] as const;
  override jsonFields = ['id', 'slug'];
  override successUrl = '/books/{id}/';

  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {
    super();
  }

  override async saveForm(form: Form) {
    await this.books.update({ slug: 'book-2' }, { slug: form.cleanedData.slug as string });
    return super.saveForm(form);
  }
}

/** A form that is no model form: the view checks the model's unique columns and answers the race the same way. */
class PlainBookForm extends Form {
  static override fields = {
    title: new CharField(),
    author: new CharField(),
    slug: new CharField(),
    publicationDate: new DateTimeField(),
  };
}

@ClassView('plain/new/')
class PlainFormCreateView extends CreateView<Book> {
  override model = Book;
  override formClass = PlainBookForm;
  override successUrl = '/books/{id}/';

  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {
    super();
  }

  /** With `?race=slug`, a source whose `create()` first stores another request's row with that slug: after the view's check. */
  override async getObjectSource() {
    const source = await super.getObjectSource();
    const race = this.request.query.get('race');
    if (!race) return source;
    const create = async (values: Readonly<Record<string, unknown>>) => {
      await this.books.insert({ ...seedBooks()[0]!, slug: String(race) });
      return source.create!(values);
    };
    return Object.assign(Object.create(source) as typeof source, { create });
  }
}

/** Counts the statements the database refused, to tell the constraint's answers from the check's. */
class FailedQueries implements Logger {
  failed: string[] = [];
  logQueryError(_error: string | Error, query: string) {
    this.failed.push(query);
  }
  logQuery() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

describeEachDatabase('A unique value raced by another request', (database) =>
  describe.each(PLATFORMS)('%s', (platform) => {
    let books: Repository<Book>;
    const queries = new FailedQueries();

    const served = useTestAppOnDatabase(
      platform,
      database,
      (connection) => ({
        imports: libraryImports(
          connection,
          { templates: { dirs: [join(import.meta.dirname, 'fixtures')] } },
          { logging: ['error'], logger: queries },
        ),
        providers: [BookCreateView, RacedCreateView, RacedUpdateView, PlainFormCreateView],
      }),
      { listen: true },
    );
    const { http } = served;
    beforeEach(async () => {
      books = await reseedBooks(served.app, 3);
      queries.failed = [];
    });

    const post = (url: string, values: Record<string, string>) =>
      http.post(url).set(CSRF_HEADERS).type('form').send(form(values));

    it('shows the form again (200) with Django’s message when the slug is stored between the check and the save, and stores nothing of it', async () => {
      const res = await post('/raced/new/', NEW_BOOK);
      expect(res.status).toBe(200);
      expect(res.text).toContain(
        `<ul class="errorlist"><li>${MESSAGE}</li></ul><input type="text" name="slug" value="dispossessed"`,
      );
      expect(queries.failed).toHaveLength(1);
      // The other request's row, and nothing of this one.
      expect(await books.countBy({ slug: 'dispossessed' })).toBe(1);
      expect(await books.countBy({ title: 'The Dispossessed' })).toBe(0);
      expect(await books.count()).toBe(4);
    });

    it('answers a JSON client 422 with the slug’s error when the race is lost', async () => {
      const res = await http
        .post('/raced/new/')
        .set(CSRF_HEADERS)
        .send({ ...NEW_BOOK, publicationDate: '1974-05-01' });
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ errors: { slug: [MESSAGE] } });
      expect(await books.countBy({ title: 'The Dispossessed' })).toBe(0);
    });

    it('leaves the row as it was when an update loses the race for a slug', async () => {
      const [first] = await books.find({ order: { id: 'ASC' }, take: 1 });
      const res = await post(`/raced/${first!.id}/edit/`, { title: 'Renamed', slug: 'taken-meanwhile' });
      expect(res.status).toBe(200);
      expect(res.text).toContain(`<li>${MESSAGE}</li>`);
      expect(await books.findOneByOrFail({ id: first!.id })).toEqual(first);
      expect(await books.countBy({ slug: 'taken-meanwhile' })).toBe(1);
    });

    it('checks the model’s unique slug for a form that is no model form, and answers its race the same way', async () => {
      const taken = await post('/plain/new/', { ...NEW_BOOK, slug: 'book-1' });
      expect(taken.status).toBe(200);
      expect(taken.text).toContain(`<li>${MESSAGE}</li>`);
      queries.failed = [];
      const raced = await post('/plain/new/?race=dispossessed', NEW_BOOK);
      expect(raced.status).toBe(200);
      expect(queries.failed).toHaveLength(1);
      expect(raced.text).toContain(`<li>${MESSAGE}</li>`);
      expect(await books.countBy({ title: 'The Dispossessed' })).toBe(0);
      expect((await post('/plain/new/', { ...NEW_BOOK, slug: 'free' })).status).toBe(302);
      expect(await books.countBy({ slug: 'free' })).toBe(1);
    });

    /** `count` POSTs of `body` to `url`, sent at once over connections of their own; each answer's status and text. */
    async function burst(url: string, body: Record<string, unknown>, json: boolean, count = 20) {
      const base = served.url;
      const headers = {
        ...CSRF_HEADERS,
        'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      };
      const payload = json ? JSON.stringify(body) : form(body as Record<string, string>);
      return Promise.all(
        Array.from({ length: count }, async () => {
          const res = await fetch(`${base}${url}`, { method: 'POST', redirect: 'manual', headers, body: payload });
          return { status: res.status, text: await res.text() };
        }),
      );
    }

    it.each([
      ['a browser', false],
      ['a JSON client', true],
    ])(
      'stores one of 20 simultaneous creates of the same slug for %s and shows the others the form with the message',
      async (_, json) => {
        // Invalid forms (no title) first: their unique checks open the pool's connections, so the burst overlaps.
        await burst('/books/new/', { ...NEW_BOOK, title: '', slug: 'warm-up' }, json);
        const answers = await burst(
          '/books/new/',
          json ? { ...NEW_BOOK, publicationDate: '1974-05-01' } : NEW_BOOK,
          json,
        );
        const [won, lost] = json ? [201, 422] : [302, 200];
        expect(answers.map((res) => res.status).sort()).toEqual([...Array<number>(19).fill(lost), won].sort());
        for (const res of answers.filter((answer) => answer.status === lost)) {
          if (json) expect(JSON.parse(res.text)).toEqual({ errors: { slug: [MESSAGE] } });
          else expect(res.text).toContain(`<li>${MESSAGE}</li>`);
        }
        expect(await books.countBy({ slug: 'dispossessed' })).toBe(1);
        expect(await books.count()).toBe(4);
        // On PostgreSQL, some lost at the database's constraint rather than at the check: the race
        // this answers. sql.js never yields between the check and the INSERT, so there it is the check.
        if (database === 'postgres') expect(queries.failed.length).toBeGreaterThan(0);
      },
    );
  }),
);
