import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse } from '../http/http-response.js';
import { Form, type FormClass, type FormOptions } from '../forms/form.js';
import { formClassForView } from '../forms/model-form.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { Kwargs, View } from '../views/view.js';
import type { ViewConstructor } from './view-constructor.js';
import { isThenable } from '../utils/is-thenable.js';
import { AnswerMixin } from './answer.mixin.js';

/** A view with a context: `ContextMixin(View)`, or a mixin built on it (`SingleObjectMixin`). */
type ContextView = View & {
  /** The template context (`ContextMixin`). */
  getContextData(kwargs?: Kwargs): TemplateContext;
};

/**
 * Django's `FormMixin` (apply it on `ContextMixin(View)` or a mixin that has it): builds the form (`formClass`, `initial`, `prefix`), binds it to
 * the body of a POST or PUT, and answers a valid form with a redirect to `successUrl`
 * and an invalid one with the page again, the form showing its errors.
 *
 * Both are outcomes `renderAnswer()` says in the request's representation (`AnswerMixin`):
 * with `JsonResponseMixin`, a JSON client gets 422 and `{ "errors": { field: [messages] } }`.
 */
export function FormMixin<TBase extends ViewConstructor<ContextView>>(Base: TBase) {
  abstract class FormMixinView extends AnswerMixin(Base) {
    /** Values the unbound form shows; copied for each request. Default `{}`. */
    initial: Record<string, unknown> = {};
    /** The form class (`schemaForm(schema)`, a `Form` subclass…). Default `null`. */
    formClass: FormClass | null = null;
    /** Where a valid form redirects. Default `null`: set it or override `getSuccessUrl()`. */
    successUrl: string | null = null;
    /** Prefix of the form's field names. Default `null`. */
    prefix: string | null = null;
    /** The status of the page re-rendered for an invalid form: 200 as Django; 422 suits Turbo and htmx. */
    formInvalidStatus = 200;

    /** The initial values: a copy of `initial`. */
    getInitial(): Record<string, unknown> {
      return { ...this.initial };
    }

    /** The prefix. Default `prefix`. */
    getPrefix(): string | null {
      return this.prefix;
    }

    /** The form class. Default `formClass`. */
    getFormClass(): FormClass | Promise<FormClass> {
      if (!this.formClass) throw new ImproperlyConfigured(MESSAGES.noFormClass(this.constructor.name));
      return this.formClass;
    }

    /**
     * A form of `formClass` (default `getFormClass()`), built with `getFormKwargs()`; a model
     * form declared with `meta` is made for its model's entity in this app first.
     */
    async getForm(formClass?: FormClass): Promise<Form> {
      return makeForm(this, formClass);
    }

    /** `initial` and `prefix`, and the request body as `data` for POST and PUT. */
    getFormKwargs(): FormOptions {
      const kwargs: FormOptions = { initial: this.getInitial(), prefix: this.getPrefix() };
      const method = this.request.method;
      if (method === 'POST' || method === 'PUT') {
        const body = this.request.body;
        kwargs.data = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      }
      return kwargs;
    }

    /** Where to go after a valid form. Default `successUrl`, else `ImproperlyConfigured`. */
    getSuccessUrl(): string {
      if (!this.successUrl) throw new ImproperlyConfigured(MESSAGES.noSuccessUrl());
      return this.successUrl;
    }

    /** The status of an invalid form's page. Default `formInvalidStatus` (JSON answers 422 whatever it is). */
    getFormInvalidStatus(): number {
      return this.formInvalidStatus;
    }

    /** A valid form: redirect to `getSuccessUrl()`. */
    formValid(form: Form): HttpResponse | Promise<HttpResponse> {
      return this.renderAnswer({ kind: 'valid', form, successUrl: () => this.getSuccessUrl() });
    }

    /** An invalid form: the page again with the bound form, which shows its errors. */
    formInvalid(form: Form): HttpResponse | Promise<HttpResponse> {
      return this.renderAnswer({
        kind: 'invalid',
        form,
        context: this.getContextData({ form }),
        status: this.getFormInvalidStatus(),
      });
    }
  }
  Object.defineProperty(FormMixinView.prototype.getForm, MAKES_FORM, { value: true });
  return FormMixinView;
}

/** Marks `FormMixin`'s own `getForm()`, which `formNow()` may run without its promise. */
const MAKES_FORM = Symbol('nestjs-class-views:makes-form');

/** What `makeForm()` calls on the view. */
type FormMaking = View & {
  getForm(formClass?: FormClass): Promise<Form>;
  getFormClass(): FormClass | Promise<FormClass>;
  getFormKwargs(): FormOptions;
};

/**
 * `view.getForm()`, without a promise when the view's `getForm()` is `FormMixin`'s and its
 * `getFormClass()` returns a class: what the editing views call. @internal
 */
export function formNow(view: { getForm(): Promise<Form> }): Form | Promise<Form> {
  // The mark is on `FormMixin`'s `getForm()` only: a view that has it has the rest of `FormMixin`.
  return (view.getForm as { [MAKES_FORM]?: true })[MAKES_FORM] ? makeForm(view as FormMaking) : view.getForm();
}

/** `getForm()`'s work: a form of `formClass` (default `getFormClass()`), built with `getFormKwargs()`. */
function makeForm(view: FormMaking, formClass?: FormClass): Form | Promise<Form> {
  const FormType = formClass ?? view.getFormClass();
  return isThenable(FormType)
    ? Promise.resolve(FormType).then((resolved) => new (formClassForView(view, resolved))(view.getFormKwargs()))
    : new (formClassForView(view, FormType))(view.getFormKwargs());
}
