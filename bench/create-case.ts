/**
 * The create form as a browser sends it: a urlencoded POST with one field, validated
 * (required, whitespace stripped, at most 100 characters), inserted into better-sqlite3, and
 * answered with a 302 to the new row. A `CreateView` with a model form built from the
 * entity's column against two hand-written controllers: `create` validates by hand and
 * inserts with `repository.insert()`, what the view's form does; `create-schema` validates
 * with a zod schema through Nest's `StandardSchemaValidationPipe`.
 */
import {
  Body,
  Controller,
  Post,
  Redirect,
  StandardSchemaValidationPipe,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';
import { z } from 'zod';
import { ClassView, CreateView } from '../src/index.js';

@Entity()
export class PostedBook {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 100 })
  title!: string;
}

/** What every request of the case sends. */
export const CREATE_REQUEST = {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'title=The+Left+Hand+of+Darkness',
};

@ClassView('create/')
export class PostedBookCreateView extends CreateView<PostedBook> {
  override model = PostedBook;
  override fields = ['title'] as const;
  override successUrl = '/create/{id}/';
  // Like for like: the controllers have no CSRF check.
  override csrfExempt = true;
}

/** The controller validating by hand, as the view's form does: required, stripped, at most 100 characters. */
@Controller('create')
export class PostedBookController {
  constructor(@InjectRepository(PostedBook) private readonly books: Repository<PostedBook>) {}

  @Post()
  @Redirect()
  async create(@Body() body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title.trim() : '';
    if (title === '') throw new UnprocessableEntityException({ title: ['This field is required.'] });
    if (title.length > 100)
      throw new UnprocessableEntityException({ title: ['Ensure this value has at most 100 characters.'] });
    const { identifiers } = await this.books.insert({ title });
    return { url: `/create/${identifiers[0]!.id}/`, statusCode: 302 };
  }
}

const PostedBookSchema = z.object({ title: z.string().trim().min(1).max(100) });

/** The same controller validating with a zod schema on `@Body()`, through Nest's own `StandardSchemaValidationPipe`. */
@Controller('create')
export class PostedBookSchemaController {
  constructor(@InjectRepository(PostedBook) private readonly books: Repository<PostedBook>) {}

  @Post()
  @Redirect()
  async create(
    @Body({ schema: PostedBookSchema, pipes: [new StandardSchemaValidationPipe({ errorHttpStatusCode: 422 })] })
    body: z.infer<typeof PostedBookSchema>,
  ) {
    const { identifiers } = await this.books.insert(body);
    return { url: `/create/${identifiers[0]!.id}/`, statusCode: 302 };
  }
}
