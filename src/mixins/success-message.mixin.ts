import type { Form } from '../forms/form.js';
import { interpolate } from '../forms/validation-error.js';
import type { HttpResponse } from '../http/http-response.js';
import { success } from '../messages/messages-api.js';
import type { View } from '../views/view.js';
import type { ViewConstructor } from './view-constructor.js';

/** A form view: `FormView`, `CreateView`, `UpdateView`, `DeleteView`, or one built on `FormMixin`. */
type FormHandlingView = View & { formValid(form: Form): HttpResponse | Promise<HttpResponse> };

/**
 * Django's `SuccessMessageMixin`: after a valid form, add `successMessage` as a `SUCCESS`
 * message, its `%(field)s` placeholders filled from the form's cleaned data. With a
 * `DeleteView` (whose form is empty) they are filled from the object, read before it is deleted.
 *
 * @example
 * @ClassView('books/new/', { name: 'book-create' })
 * export class BookCreateView extends SuccessMessageMixin(CreateView<Book>) {
 *   model = Book;
 *   fields = ['title'] as const;
 *   successUrl = '/books/';
 *   successMessage = '%(title)s was created successfully';
 * }
 */
export function SuccessMessageMixin<TBase extends ViewConstructor<FormHandlingView>>(Base: TBase) {
  abstract class SuccessMessageMixinView extends Base {
    /** The message; `%(name)s` is replaced by the cleaned value `name`, `%%` by `%`. Default `''`: no message. */
    successMessage = '';

    /** Add the success message once the base view has handled the valid form. */
    override async formValid(form: Form): Promise<HttpResponse> {
      const data = successMessageData(this, form);
      const response = await super.formValid(form);
      const message = this.getSuccessMessage(data);
      if (message) success(this.request, message);
      return response;
    }

    /** The message for `cleanedData` (Django's `get_success_message()`). Default `successMessage % cleanedData`. */
    getSuccessMessage(cleanedData: Readonly<Record<string, unknown>>): string {
      return interpolate(this.successMessage, cleanedData);
    }
  }
  return SuccessMessageMixinView;
}

/** The form's cleaned data; a deletion view's object's fields under them. */
function successMessageData(view: object, form: Form): Record<string, unknown> {
  const object = (view as { object?: unknown }).object;
  const deletes = typeof (view as { deleteObject?: unknown }).deleteObject === 'function';
  return deletes && object !== null && typeof object === 'object'
    ? { ...object, ...form.cleanedData }
    : form.cleanedData;
}
