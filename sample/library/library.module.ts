import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
  providers: [BookSeeder, BookListView, BookCreateView, BookDetailView, BookApiView, BookUpdateView, BookDeleteView],
})
export class LibraryModule {}
