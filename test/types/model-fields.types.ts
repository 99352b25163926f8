/**
 * Type tests for `fields` typed from the model on CreateView and UpdateView: compiled by
 * `npm run typecheck`. Each `@ts-expect-error` fails the compile when its line stops being an error.
 */
import { BaseCreateView, CreateView, type ModelFormFieldsOf, UpdateView } from '../../src/index.js';

class Book {
  id = 0;
  title = '';
  author = '';
}

class BookCreate extends CreateView<Book> {
  override fields = ['title', 'author'] as const;
}
class BookUpdate extends UpdateView<Book> {
  override fields = '__all__' as const;
}
class BookCreateApi extends BaseCreateView<Book> {
  override fields = ['title'] as const;
}
// A plain array literal still compiles (TypeScript widens it to string[]); start-up checks it.
class BookUpdateUnchecked extends UpdateView<Book> {
  override fields = ['title', 'author'];
}
// Without the model's type, any names.
class AnyCreate extends CreateView {
  override fields = ['anything'] as const;
}

class PublishedCreate extends CreateView<Book> {
  // @ts-expect-error 'published' is no property of Book
  override fields = ['title', 'published'] as const;
}
class PublishedUpdate extends UpdateView<Book> {
  // @ts-expect-error 'published' is no property of Book, on UpdateView too
  override fields = ['published'] as const;
}
class Annotated extends UpdateView<Book> {
  // @ts-expect-error an annotated list is checked as well
  override fields: ModelFormFieldsOf<Book> = ['title', 'published'];
}
// @ts-expect-error only '__all__' as a string
const notAll: ModelFormFieldsOf<Book> = '__any__';

export {
  AnyCreate,
  Annotated,
  BookCreate,
  BookCreateApi,
  BookUpdate,
  BookUpdateUnchecked,
  notAll,
  PublishedCreate,
  PublishedUpdate,
};
