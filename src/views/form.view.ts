import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { type Form, IS_VALID_NOW } from '../forms/form.js';
import { isThenable } from '../utils/is-thenable.js';
import { ValidationError } from '../forms/validation-error.js';
import type { AnsweringView } from '../mixins/answer.mixin.js';
import { ContextMixin } from '../mixins/context.mixin.js';
import { FormMixin, formNow } from '../mixins/form.mixin.js';
import { TemplateResponseMixin } from '../mixins/template-response.mixin.js';
import type { ViewConstructor } from '../mixins/view-constructor.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { Kwargs } from './view.js';
import { View } from './view.js';

type FormHandlingView = AnsweringView & {
  /** The form, bound to the body on POST and PUT (`FormMixin`). */
  getForm(): Promise<Form>;
  /** Answer a valid form: by default redirect to `successUrl` (`FormMixin`). */
  formValid(form: Form): HttpResponse | Promise<HttpResponse>;
  /** Answer an invalid form: by default the page again with its errors (`FormMixin`). */
  formInvalid(form: Form): HttpResponse | Promise<HttpResponse>;
  /** The template context, the form included (`FormMixin`). */
  getContextData(kwargs?: Kwargs): TemplateContext;
};

/**
 * Django's `ProcessFormView` as a mixin: GET renders the unbound form; POST and PUT bind
 * it to the body and call `formValid()` or `formInvalid()`. Other methods are 405 with
 * `Allow: GET, POST, PUT, HEAD, OPTIONS`. (Unlike Django, a PUT body is bound too.)
 */
export function ProcessFormMixin<TBase extends ViewConstructor<FormHandlingView>>(Base: TBase) {
  abstract class ProcessFormMixinView extends Base {
    /** Render the unbound form. */
    override async get(_request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): Promise<HttpResponse> {
      return this.renderAnswer({ kind: 'page', context: this.getContextData({ form: await this.getForm() }) });
    }

    /**
     * Validate the submitted form, then `formValid()` or `formInvalid()`. A `formValid()`
     * that finds the form invalid after all (a model form's `save()` refused by a unique
     * constraint another request won) throws a `ValidationError` the form now shows: the
     * form is answered as invalid.
     */
    override async post(_request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): Promise<HttpResponse> {
      // `getForm()` and `isValid()` without their promises when nothing in them is async.
      let form = formNow(this);
      if (isThenable(form)) form = await form;
      // A form object that is no `Form` (a test double) is asked through `isValid()`.
      const validNow = (form as Partial<Pick<Form, typeof IS_VALID_NOW>>)[IS_VALID_NOW];
      let valid = validNow ? validNow.call(form) : form.isValid();
      if (typeof valid !== 'boolean') valid = await valid;
      if (!valid) return this.formInvalid(form);
      try {
        return await this.formValid(form);
      } catch (error) {
        if (error instanceof ValidationError && form.errors.length > 0) return this.formInvalid(form);
        throw error;
      }
    }

    /** As POST. */
    override async put(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): Promise<HttpResponse> {
      return this.post(request, args, kwargs);
    }
  }
  return ProcessFormMixinView;
}

/**
 * Django's `BaseFormView`: a form view whose `renderToResponse()` a mixin provides
 * (`FormView` renders a template, `JsonResponseMixin` answers JSON).
 */
export class BaseFormView extends ProcessFormMixin(FormMixin(ContextMixin(View))) {
  /** Refuse to render: a `BaseFormView` answers through a mixin such as `JsonResponseMixin`. */
  renderToResponse(_context: TemplateContext, _init?: HttpResponseInit): HttpResponse {
    throw new ImproperlyConfigured(MESSAGES.noRenderToResponse(this.constructor.name, 'FormView'));
  }
}

/**
 * Django's `FormView`: shows a form, re-renders it with its errors until it is valid,
 * then redirects to `successUrl`.
 *
 * @example
 * @ClassView('contact/', { name: 'contact' })
 * export class ContactView extends FormView {
 *   templateName = 'contact.html';
 *   formClass = schemaForm(ContactSchema);
 *   successUrl = '/thanks/';
 * }
 */
export class FormView extends TemplateResponseMixin(BaseFormView) {}
