/**
 * The POST case: validate a JSON body and insert a row. A `CreateView` with a model form
 * built from the entity's columns (`JsonResponseMixin`, so it answers 201 and the object)
 * against a hand-written controller validating the same fields with a zod schema through
 * Nest's `StandardSchemaValidationPipe` and saving through the repository. Both run on
 * in-memory SQLite and answer the same JSON.
 */
import { Body, Controller, Post, StandardSchemaValidationPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';
import { z } from 'zod';
import { ClassView, CreateView, JsonResponseMixin } from '../src/index.js';

@Entity()
export class NewBook {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 200 })
  title!: string;

  @Column()
  pages!: number;
}

/** What every request of the case sends. */
export const FORM_REQUEST = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title: 'The Left Hand of Darkness', pages: 286 }),
};

@ClassView('form/')
export class NewBookView extends JsonResponseMixin(CreateView<NewBook>) {
  override model = NewBook;
  override fields = ['title', 'pages'] as const;
  override jsonFields = ['id', 'title', 'pages'];
  override successUrl = '/form/{id}/';
  // Like for like: the controller has no CSRF check (the view's costs a cookie parse and an HMAC-free compare).
  override csrfExempt = true;
}

const NewBookSchema = z.object({ title: z.string().trim().min(1).max(200), pages: z.coerce.number().int() });

/** The controller as Nest 12 documents it: the schema on `@Body()`, checked by Nest's own `StandardSchemaValidationPipe`. */
@Controller('form')
export class NewBookController {
  constructor(@InjectRepository(NewBook) private readonly books: Repository<NewBook>) {}

  @Post()
  async create(
    @Body({ schema: NewBookSchema, pipes: [new StandardSchemaValidationPipe({ errorHttpStatusCode: 422 })] })
    body: z.infer<typeof NewBookSchema>,
  ) {
    const { id, title, pages } = await this.books.save(this.books.create(body));
    // The view's JSON, byte for byte (its `jsonFields` order), which the wrk-style mode checks.
    return { object: { id, title, pages } };
  }
}
