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
class BookUpdatePlain extends UpdateView<Book> {
  // @ts-expect-error a plain array literal is string[] (TypeScript widens it): refused once the model type is given
  override fields = ['title', 'author'];
}
class BookCreatePlain extends CreateView<Book> {
  // @ts-expect-error on CreateView too
  override fields = ['title'];
}
// A view others extend annotates its list, so a subclass may name other fields.
class BookFormBase extends CreateView<Book> {
  override fields: ModelFormFieldsOf<Book> = ['title'];
}
class BookFormFull extends BookFormBase {
  override fields: ModelFormFieldsOf<Book> = ['title', 'author'];
}
class BookFormWrong extends BookFormBase {
  // @ts-expect-error 'published' is no property of Book, in a subclass too
  override fields: ModelFormFieldsOf<Book> = ['published'];
}
// asView() takes any list of Book's properties, not only the class's exact `as const` list.
const overridden = BookCreate.asView({ fields: ['title'] });
const overriddenAll = BookCreate.asView({ fields: '__all__' });
// @ts-expect-error 'published' is no property of Book, in asView() too
const overriddenWrong = BookCreate.asView({ fields: ['published'] });
// Without the model's type, any names, plain arrays included.
class AnyPlain extends CreateView {
  override fields = ['anything'];
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
  AnyPlain,
  BookCreatePlain,
  BookFormFull,
  BookFormWrong,
  BookUpdatePlain,
  overridden,
  overriddenAll,
  overriddenWrong,
  notAll,
  PublishedCreate,
  PublishedUpdate,
};
