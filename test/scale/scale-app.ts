import { BadRequestException, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppModule } from '../../sample/app.module.js';
import { Book } from '../../sample/library/book.entity.js';
import { ClassView, Http404, JsonResponse, View, type Kwargs, type ViewRequest } from '../../src/index.js';

/** The fields a write sends, as JSON. */
interface BookInput {
  title?: unknown;
  slug?: unknown;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new BadRequestException(`Send a ${field} of 1 to 200 characters.`);
  return value;
}

/**
 * Adds a book: `POST {"title", "slug"}` answers `201 {"id"}`. A minimal write path for the
 * several-processes test: it keeps nothing in the process between requests.
 */
@ClassView('scale/books/', { name: 'scale-book-create' })
export class BookCreateView extends View {
  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {
    super();
  }

  async post(request: ViewRequest) {
    const input = (request.body ?? {}) as BookInput;
    const book = await this.books.save(
      this.books.create({ title: text(input.title, 'title'), slug: text(input.slug, 'slug'), author: 'Scale Test', publicationDate: new Date() }),
    );
    return new JsonResponse({ id: book.id }, { status: 201 });
  }
}

/** Renames a book: `POST {"title"}` to its URL answers `200 {"id", "title"}`. */
@ClassView('scale/books/<int:pk>/', { name: 'scale-book-update' })
export class BookUpdateView extends View {
  constructor(@InjectRepository(Book) private readonly books: Repository<Book>) {
    super();
  }

  async post(request: ViewRequest, _args: readonly unknown[], kwargs: Kwargs) {
    const title = text((request.body as BookInput | undefined)?.title, 'title');
    const { affected } = await this.books.update({ id: kwargs.pk }, { title });
    if (!affected) throw new Http404('No book found matching the query');
    return new JsonResponse({ id: kwargs.pk, title });
  }
}

/** The sample app with the write views. */
@Module({
  imports: [AppModule, TypeOrmModule.forFeature([Book])],
  providers: [BookCreateView, BookUpdateView],
})
export class ScaleAppModule {}
