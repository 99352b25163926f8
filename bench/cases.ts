/**
 * The benchmark's apps: each case as a class view and as its hand-written twin, built
 * from the same pieces so that only the routing layer differs.
 */
import {
  type CallHandler,
  type CanActivate,
  All,
  Body,
  Controller,
  Get,
  Header,
  Injectable,
  type INestApplication,
  Module,
  type NestInterceptor,
  NotFoundException,
  Param,
  ParseIntPipe,
  Query,
  Req,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Column, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';
import {
  ClassView,
  ClassViewsModule,
  DetailView,
  HttpResponse,
  ListView,
  TemplateEngines,
  TemplateView,
  View,
} from '../src/index.js';
import { PostedBook, PostedBookController, PostedBookCreateView, PostedBookSchemaController } from './create-case.js';
import { NewBook, NewBookController, NewBookView } from './form-case.js';
import { DatedBook, DatedBookMonthController, DatedBookMonthView, seedDatedBooks } from './month-archive-case.js';

export type Platform = 'express' | 'fastify';
export type Variant = 'view' | 'controller';
/**
 * `list` and `list-bs3`: the same list page on sql.js and on better-sqlite3; `detail` and
 * `month-archive` on better-sqlite3; `form` posts to sql.js; `create` and `create-schema` (the same
 * view against two twins) post to better-sqlite3.
 */
export const CASES = [
  'plain',
  'guarded',
  'template',
  'list',
  'list-bs3',
  'detail',
  'errors',
  'form',
  'create',
  'create-schema',
  'shape',
  'month-archive',
] as const;
export type Case = (typeof CASES)[number];
/** The rows of the list and detail cases, and the page the list case asks for (as in issue 14). */
export const BOOKS = 10_000;
export const PAGE = 250;

const here = import.meta.dirname;
export const TEMPLATES = existsSync(join(here, 'templates'))
  ? join(here, 'templates')
  : join(here, '../../bench/templates');
const BODY = 'Hello, world!';
const ITEMS = Array.from({ length: 10 }, (_, i) => `item ${i}`);

@Injectable()
class AllowGuard implements CanActivate {
  canActivate() {
    return true;
  }
}

@Injectable()
class PassInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler) {
    return next.handle();
  }
}

@Entity()
export class Book {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;
}

// ---- case 1: plain ---------------------------------------------------------------
@ClassView('plain/')
class PlainView extends View {
  get() {
    return new HttpResponse(BODY);
  }
}

@Controller('plain')
class PlainController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  get() {
    return BODY;
  }
}

// ---- route shape: the plain case's controller with a class view route's shape ----------
/**
 * No library code: what Nest itself costs for the shape of route a class view gets (one
 * `@All()` handler taking `@Req()` and `@Body()`) against the plain case's `@Get()` twin.
 */
@Controller('plain')
class RouteShapeController {
  @All()
  @Header('Content-Type', 'text/html; charset=utf-8')
  route(@Req() _request: unknown, @Body() _body: unknown) {
    return BODY;
  }
}

// ---- case 2: guard + interceptor ---------------------------------------------------
@ClassView('guarded/')
@UseGuards(AllowGuard)
@UseInterceptors(PassInterceptor)
class GuardedView extends View {
  get() {
    return new HttpResponse(BODY);
  }
}

@Controller('guarded')
@UseGuards(AllowGuard)
@UseInterceptors(PassInterceptor)
class GuardedController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  get() {
    return BODY;
  }
}

// ---- case 3: template --------------------------------------------------------------
@ClassView('template/')
class BenchTemplateView extends TemplateView {
  templateName = 'bench.html';
  extraContext = { title: 'Bench', items: ITEMS };
}

@Controller('template')
class TemplateController {
  constructor(private readonly templates: TemplateEngines) {}
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  get() {
    return this.templates.render(['bench.html'], { title: 'Bench', items: ITEMS });
  }
}

// ---- case 4: paginated list over SQLite --------------------------------------------
@ClassView('list/')
class BookListView extends ListView<Book> {
  paginateBy = 20;
  ordering = ['id'];
  constructor(@InjectRepository(Book) readonly books: Repository<Book>) {
    super();
  }
  getQueryset() {
    return this.books;
  }
}

/** The twin as a Nest user writes it: the repository's `count()` and `find()`. */
@Controller('list')
class BookListController {
  constructor(
    @InjectRepository(Book) private readonly books: Repository<Book>,
    private readonly templates: TemplateEngines,
  ) {}
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async get(@Query('page') page = '1') {
    const number = Number(page);
    const count = await this.books.count();
    const rows = await this.books.find({ skip: (number - 1) * 20, take: 20, order: { id: 'ASC' } });
    return this.templates.render(['book_list.html'], {
      object_list: rows,
      page_obj: { number },
      paginator: { numPages: Math.ceil(count / 20), count },
    });
  }
}

// ---- case 4b: one object by pk --------------------------------------------------------
@ClassView('detail/<int:pk>/')
class BookDetailView extends DetailView<Book> {
  constructor(@InjectRepository(Book) readonly books: Repository<Book>) {
    super();
  }
  getQueryset() {
    return this.books;
  }
}

@Controller('detail')
class BookDetailController {
  constructor(
    @InjectRepository(Book) private readonly books: Repository<Book>,
    private readonly templates: TemplateEngines,
  ) {}
  @Get(':pk')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async get(@Param('pk', ParseIntPipe) pk: number) {
    const book = await this.books.findOneBy({ id: pk });
    if (!book) throw new NotFoundException();
    return this.templates.render(['book_detail.html'], { object: book, book });
  }
}

// ---- case 5: 405 and OPTIONS (no twin) ------------------------------------------------
@ClassView('errors/')
class GetOnlyView extends View {
  // The case measures dispatch()'s 405; without this, POST gets the CSRF check's 403.
  override csrfExempt = true;
  get() {
    return new HttpResponse(BODY);
  }
}

const VIEWS = {
  plain: [PlainView],
  guarded: [GuardedView],
  template: [BenchTemplateView],
  list: [BookListView],
  'list-bs3': [BookListView],
  detail: [BookDetailView],
  errors: [GetOnlyView],
  form: [NewBookView],
  create: [PostedBookCreateView],
  'create-schema': [PostedBookCreateView],
  shape: [],
  'month-archive': [DatedBookMonthView],
};
const CONTROLLERS = {
  plain: [PlainController],
  guarded: [GuardedController],
  template: [TemplateController],
  list: [BookListController],
  'list-bs3': [BookListController],
  detail: [BookDetailController],
  errors: [],
  form: [NewBookController],
  create: [PostedBookController],
  'create-schema': [PostedBookSchemaController],
  shape: [PlainController],
  'month-archive': [DatedBookMonthController],
};
/** Controllers that stand for the class view of a case (`shape`: no library code at all). */
const VIEW_CONTROLLERS: Partial<Record<Case, Array<new () => object>>> = { shape: [RouteShapeController] };
/** The database of each case that has one. */
const DRIVERS: Partial<Record<Case, 'sqljs' | 'better-sqlite3'>> = {
  list: 'sqljs',
  'list-bs3': 'better-sqlite3',
  detail: 'better-sqlite3',
  form: 'sqljs',
  create: 'better-sqlite3',
  'create-schema': 'better-sqlite3',
  'month-archive': 'better-sqlite3',
};
/** The cases whose requests insert rows, into an empty table. */
const REQUESTS_INSERT = new Set<Case>(['form', 'create', 'create-schema']);
/** The entity of each case with a database other than `Book`. */
const ENTITIES: Partial<Record<Case, Function>> = {
  form: NewBook,
  create: PostedBook,
  'create-schema': PostedBook,
  'month-archive': DatedBook,
};

/** Build one app: `variant` decides whether the case is served by a class view or a controller. */
export async function createCaseApp(benchCase: Case, variant: Variant, platform: Platform): Promise<INestApplication> {
  const driver = DRIVERS[benchCase];
  const entity = ENTITIES[benchCase] ?? Book;
  const database = driver
    ? [
        TypeOrmModule.forRoot({
          type: driver,
          database: driver === 'better-sqlite3' ? ':memory:' : undefined,
          entities: [entity],
          synchronize: true,
          logging: false,
        } as never),
        TypeOrmModule.forFeature([entity]),
      ]
    : [];
  @Module({
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs: [TEMPLATES], cache: true },
        imports: benchCase === 'form' || benchCase.startsWith('create') ? [TypeOrmModule.forFeature([entity])] : [],
      }),
      ...database,
    ],
    providers: [AllowGuard, PassInterceptor, ...(variant === 'view' ? VIEWS[benchCase] : [])],
    controllers: variant === 'controller' ? CONTROLLERS[benchCase] : (VIEW_CONTROLLERS[benchCase] ?? []),
  })
  class BenchModule {}
  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(BenchModule, adapter, { logger: ['error'] });
  if (benchCase === 'month-archive') await seedDatedBooks(app.get<Repository<DatedBook>>('DatedBookRepository'));
  else if (driver && !REQUESTS_INSERT.has(benchCase)) await seed(app.get<Repository<Book>>('BookRepository'), BOOKS);
  return app;
}

/**
 * Book `n` is `Book n` (the ceiling and Django servers seed the same rows), inserted by
 * one SQLite statement: a server starts in milliseconds instead of a second of inserts.
 */
async function seed(books: Repository<Book>, count: number): Promise<void> {
  await books.query(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}) INSERT INTO "book" ("title") SELECT 'Book ' || i FROM n`,
  );
}

/**
 * What `createManyModule()` builds `count` of:
 * - `view`: `@ClassView()` views, served by `ClassViewsModule` (what the start-up target measures);
 * - `controller`: `@Controller()` classes with one `@Get()` route (the twin), `all-controller`
 *   with one `@All()` route, the shape of a class view's route;
 * - for taking start-up apart: `view-provider`, the same `View` subclasses as plain providers, no
 *   `ClassViewsModule` (nothing routed); `provider`, plain `@Injectable()` classes;
 *   `bare-controller`, controllers without routes (Nest's cost of a controller before routing).
 */
export type ManyVariant = 'view' | 'controller' | 'all-controller' | 'view-provider' | 'provider' | 'bare-controller';

/** A module with `count` distinct classes of `variant`, for the start-up measurement. */
export function createManyModule(count: number, variant: ManyVariant): Function {
  const classes: Function[] = [];
  for (let i = 0; i < count; i++) {
    if (variant === 'view' || variant === 'view-provider') {
      const ViewClass = class extends View {
        get() {
          return new HttpResponse(BODY);
        }
      };
      Object.defineProperty(ViewClass, 'name', { value: `View${i}` });
      if (variant === 'view') ClassView(`route${i}/`)(ViewClass);
      else Injectable()(ViewClass);
      classes.push(ViewClass);
    } else {
      const ControllerClass = class {
        get() {
          return BODY;
        }
      };
      Object.defineProperty(ControllerClass, 'name', { value: `Controller${i}` });
      const descriptor = Object.getOwnPropertyDescriptor(ControllerClass.prototype, 'get')!;
      if (variant === 'controller') Get()(ControllerClass.prototype, 'get', descriptor);
      if (variant === 'all-controller') All()(ControllerClass.prototype, 'get', descriptor);
      if (variant === 'provider') Injectable()(ControllerClass);
      else Controller(`route${i}`)(ControllerClass);
      classes.push(ControllerClass);
    }
  }
  const provided = variant === 'view' || variant === 'view-provider' || variant === 'provider';
  @Module({
    imports: variant === 'view' ? [ClassViewsModule.forRoot()] : [],
    providers: provided ? (classes as never[]) : [],
    controllers: provided ? [] : (classes as never[]),
  })
  class ManyModule {}
  return ManyModule;
}
