import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ARCHIVE_VIEWS } from './archive-views.js';
import { Book } from './book.entity.js';
import { databaseOptions } from './database.js';
import { BookSeeder } from './seed.js';
import { BookApiView, BookCreateView, BookDeleteView, BookDetailView, BookListView, BookUpdateView } from './views.js';

/**
 * The book library: the database connection, the `Book` repository, the seeder and the
 * views that read it. Its `@ClassView()` providers are served by the root module's
 * `ClassViewsModule.forRoot()` and inject the repository from here.
 */
@Module({
  imports: [TypeOrmModule.forRootAsync({ useFactory: () => databaseOptions() }), TypeOrmModule.forFeature([Book])],
  // `books/new/` before `books/<int:pk>/`: Express tries routes in registration order, and the
  // detail route answers 404 for `new` (its `<int:pk>` does not match) instead of passing it on.
  // The archive's `books/archive/…` likewise.
  providers: [
    BookSeeder,
    BookListView,
    BookCreateView,
    ...ARCHIVE_VIEWS,
    BookDetailView,
    BookApiView,
    BookUpdateView,
    BookDeleteView,
  ],
})
export class LibraryModule {}
