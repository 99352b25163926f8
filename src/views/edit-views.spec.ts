import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { CreateView, UpdateView } from './create-update.view.js';
import { DeleteView } from './delete.view.js';
import { FormView } from './form.view.js';

describe('Success URLs of the editing views', () => {
  it('FormView: successUrl as is, else Django’s message', () => {
    const view = new FormView();
    expect(() => view.getSuccessUrl()).toThrow(
      new ImproperlyConfigured('No URL to redirect to. Provide a successUrl.'),
    );
    view.successUrl = '/thanks/{id}/';
    expect(view.getSuccessUrl()).toBe('/thanks/{id}/');
  });

  it('CreateView/UpdateView: {field} filled from the object, URL-encoded; {{ and }} are literal braces', () => {
    const view = new UpdateView();
    view.object = { id: 7, title: 'A/B & C' };
    view.successUrl = '/books/{id}/?t={title}&x={{y}}';
    expect(view.getSuccessUrl()).toBe('/books/7/?t=A%2FB%20%26%20C&x={y}');
  });

  it('a success URL split once still fills each object’s own values, at either end, among literal braces', () => {
    const view = new UpdateView();
    view.successUrl = '{id}/{{{title}}}/{{}}x}{id}';
    view.object = { id: 1, title: 'a b' };
    expect(view.getSuccessUrl()).toBe('1/{a%20b}/{}x}1');
    view.object = { id: 2, title: '?' };
    expect(view.getSuccessUrl()).toBe('2/{%3F}/{}x}2');
    view.successUrl = 'no placeholders {{}}';
    expect(view.getSuccessUrl()).toBe('no placeholders {}');
    view.successUrl = '{id}/{}';
    expect(() => view.getSuccessUrl()).toThrow(ImproperlyConfigured);
    view.object = { id: 3, '': 'empty' };
    expect(view.getSuccessUrl()).toBe('3/empty');
    view.successUrl = '/n/{id}/';
    const filled = [-12, 0, 2 ** 53 + 2, 1e21, 1.5, Number.NaN, 12n].map((id) => {
      view.object = { id };
      return view.getSuccessUrl();
    });
    expect(filled).toEqual(['/n/-12/', '/n/0/', '/n/9007199254740994/', '/n/1e%2B21/', '/n/1.5/', '/n/NaN/', '/n/12/']);
  });

  it('a placeholder the object lacks names the class and the fix', () => {
    const view = new CreateView();
    view.object = { id: 1 };
    view.successUrl = '/books/{slug}/';
    expect(() => view.getSuccessUrl()).toThrow(
      new ImproperlyConfigured(
        "CreateView.successUrl '/books/{slug}/' uses {slug}, but the saved object has no 'slug'. Name one of its fields, or write a literal brace as '{{' or '}}'.",
      ),
    );
  });

  it('falls back to the object’s getAbsoluteUrl(), else Django’s message (two spaces)', () => {
    const view = new CreateView();
    view.object = {
      id: 3,
      getAbsoluteUrl() {
        return `/books/${this.id}/`;
      },
    };
    expect(view.getSuccessUrl()).toBe('/books/3/');
    view.object = { id: 3 };
    expect(() => view.getSuccessUrl()).toThrow(
      new ImproperlyConfigured(
        'No URL to redirect to.  Either provide a url or define a getAbsoluteUrl method on the Model.',
      ),
    );
  });

  it('DeleteView: {id} from the object, else Django’s one-space message', () => {
    const view = new DeleteView();
    view.object = { id: 9 };
    expect(() => view.getSuccessUrl()).toThrow(
      new ImproperlyConfigured('No URL to redirect to. Provide a successUrl.'),
    );
    view.successUrl = '/books/?deleted={id}';
    expect(view.getSuccessUrl()).toBe('/books/?deleted=9');
  });

  it('copies initial for each request, as Django does', () => {
    const view = new FormView();
    view.initial = { subject: 'Hi' };
    const initial = view.getInitial();
    initial.subject = 'changed';
    expect(view.initial).toEqual({ subject: 'Hi' });
  });

  it('uses Django’s template names: <model>_form.html and <model>_confirm_delete.html', () => {
    class Book {}
    const create = new CreateView();
    create.model = Book;
    expect(create.getTemplateNames()).toEqual(['book_form.html']);
    const remove = new DeleteView();
    remove.object = new Book();
    expect(remove.getTemplateNames()).toEqual(['book_confirm_delete.html']);
  });
});
