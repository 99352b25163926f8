import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse } from '../http/http-response.js';
import type { Form, FormClass, FormOptions } from '../forms/form.js';
import {
  checkModelFields,
  fileErrors,
  formClassForView,
  metadataOf,
  ModelForm,
  type ModelFormFields,
  type ModelMetadataLike,
  modelFormForView,
  repositoryOf,
  uniqueErrors,
  violationErrors,
} from '../forms/model-form.js';
import { overrides } from '../data/default-queryset.js';
import { FormMixin } from './form.mixin.js';
import { SingleObjectMixin } from './single-object.mixin.js';
import type { ViewConstructor } from './view-constructor.js';
import { isThenable } from '../utils/is-thenable.js';

/**
 * Django's `ModelFormMixin`: the form edits `this.object`. With `fields`, the form is a
 * `ModelForm` of the entity's TypeORM columns; `formClass` uses any form instead. A valid
 * form is saved (`form.save()`), then the view redirects to `successUrl` with `{field}`s
 * filled from the saved object, or to its `getAbsoluteUrl()`; with `JsonResponseMixin`, a
 * JSON client gets the saved object instead (201 for a new one).
 */
export function ModelFormMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class ModelFormMixinView extends FormMixin(SingleObjectMixin(Base)) {
    /** The entity's columns the form edits, or `'__all__'`. Default `null`: set it or `formClass`. */
    fields: ModelFormFields | null = null;

    /**
     * The form class: `formClass`, or a model form of `fields` for the model found as
     * Django finds it: `model` (or `queryset`), else the class of `this.object`, else the
     * model of `getQueryset()`. Both or neither of `fields` and `formClass` is `ImproperlyConfigured`
     * (checked at start-up, too).
     */
    override getFormClass(): FormClass | Promise<FormClass> {
      // The class's name is read only for an error or a new form: `Function.name` is a slow lookup.
      if (this.fields !== null && this.formClass !== null)
        throw new ImproperlyConfigured(MESSAGES.fieldsAndFormClass(this.constructor.name));
      if (this.formClass !== null) return this.formClass;
      const fields = this.fields;
      if (fields === null) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutFields(this.constructor.name));
      const build = (metadata: ModelMetadataLike | undefined) => {
        if (!metadata) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutModel(this.constructor.name));
        return modelFormForView(metadata, fields, this);
      };
      const metadata = this.modelMetadata();
      if (metadata) return build(metadata);
      const queryset = this.getQueryset();
      return isThenable(queryset)
        ? Promise.resolve(queryset).then((resolved) => build(metadataOf(resolved)))
        : build(metadataOf(queryset));
    }

    /** Django's kwargs, and `instance`: the object edited (`null` on a create view). */
    override getFormKwargs(): FormOptions {
      const kwargs = super.getFormKwargs();
      kwargs.instance = this.object ?? null;
      return kwargs;
    }

    /**
     * `successUrl` with `{field}` filled from the saved object (values URL-encoded;
     * `{{`/`}}` for literal braces), else the object's `getAbsoluteUrl()`.
     */
    override getSuccessUrl(): string {
      if (this.successUrl) return fillSuccessUrl(this.successUrl, this.object, this);
      const getAbsoluteUrl = (this.object as { getAbsoluteUrl?: () => string } | null)?.getAbsoluteUrl;
      if (typeof getAbsoluteUrl !== 'function') throw new ImproperlyConfigured(MESSAGES.noModelSuccessUrl());
      return getAbsoluteUrl.call(this.object);
    }

    /**
     * Django's `form_valid()`: `this.object = form.save()` (`saveForm()`), then the answer:
     * a redirect, or the saved object for a JSON client (201 when created). A representation
     * that cannot answer a save refuses before anything is written (`checkAnswer()`). A save
     * the database refuses for a unique or foreign-key value throws the form's new error,
     * and the form is shown again (`post()`).
     */
    override async formValid(form: Form): Promise<HttpResponse> {
      const created = !this.object;
      this.checkAnswer('saved');
      this.object = await this.saveForm(form);
      return this.renderAnswer({ kind: 'saved', object: this.object, created, successUrl: () => this.getSuccessUrl() });
    }

    /**
     * Django's `form.save()`: a model form saves itself (its model's repository, its own
     * unique checks). Any other form (`formClass = schemaForm(…)`) has no `save()`: the
     * view saves its `cleanedData` for it (`saveCleanedData()`). Override to save otherwise.
     */
    saveForm(form: Form): Promise<any> {
      // Not `async`, so the save's own promise is returned rather than one more around it; still
      // always a promise (a rejected one for a save that throws at once), as an overrider expects.
      try {
        return Promise.resolve(form instanceof ModelForm ? form.save() : this.saveCleanedData(form));
      } catch (error) {
        return Promise.reject(error);
      }
    }

    /**
     * Store a form that is no model form: its `cleanedData` through the view's data source
     * (`create()`, else `update()` of `this.object`), the model's unique columns checked
     * first and a constraint violation answered as a model form's is.
     */
    async saveCleanedData(form: Form): Promise<any> {
      const source = await this.getObjectSource();
      const operation = this.object ? 'update' : 'create';
      if (typeof source[operation] !== 'function')
        throw new ImproperlyConfigured(MESSAGES.sourceCannotWrite(this.constructor.name, operation));
      const metadata = this.modelMetadata() ?? metadataOf(await this.getQueryset());
      const taken = metadata ? await uniqueErrors(form, metadata, this.object, source) : [];
      if (taken.length > 0) throw fileErrors(form, taken);
      try {
        return await (this.object ? source.update!(this.object, form.cleanedData) : source.create!(form.cleanedData));
      } catch (error) {
        const explained = metadata ? await violationErrors(form, metadata, this.object, error, source) : [];
        throw explained.length > 0 ? fileErrors(form, explained) : error;
      }
    }

    /**
     * The TypeORM metadata of the form's model: `model`'s, else `queryset`'s (a repository or
     * query builder), else that of the class of `this.object` (a view with its own
     * `getObject()`); `undefined` when none has one.
     */
    modelMetadata(): ModelMetadataLike | undefined {
      if (this.model !== null) {
        const metadata = metadataOf(repositoryOf(this, this.model, this.object === null));
        if (metadata) return metadata;
      }
      const own = metadataOf(this.queryset);
      if (own) return own;
      const objectClass = (this.object as object | null)?.constructor;
      return objectClass && objectClass !== Object ? metadataOf(repositoryOf(this, objectClass, false)) : undefined;
    }

    /**
     * Start-up checks: `fields` and `formClass` (both, neither), unknown or non-editable
     * fields, the model's repository. A view with its own `getFormClass()` is not checked;
     * one with its own `getObject()` may have its model from the object it returns.
     */
    override checkConfiguration(): void {
      super.checkConfiguration();
      const name = this.constructor.name;
      if (overrides(this, ModelFormMixinView, 'getFormClass')) return;
      if (this.fields !== null && this.formClass !== null)
        throw new ImproperlyConfigured(MESSAGES.fieldsAndFormClass(name));
      if (this.formClass !== null) {
        formClassForView(this, this.formClass);
        return;
      }
      if (this.fields === null) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutFields(name));
      const ownObject = overrides(this, ModelFormMixinView, 'getObject');
      const metadata =
        metadataOf(this.queryset) ??
        (this.model === null ? undefined : metadataOf(repositoryOf(this, this.model, !ownObject)));
      if (metadata) checkModelFields(metadata, this.fields, name);
      else if (!ownObject && !overrides(this, ModelFormMixinView, 'getQueryset'))
        throw new ImproperlyConfigured(MESSAGES.modelFormWithoutModel(name));
    }
  }
  return ModelFormMixinView;
}

/** The success URLs split so far (one per view class, as a rule; more are split each time). */
const successUrlParts = new Map<string, readonly string[]>();
const MAX_SUCCESS_URLS = 100;

/**
 * `url` as its literal text and `{name}` placeholders, alternating (text, name, text, …,
 * text), `{{` and `}}` already turned into braces: split once per URL, not per request.
 */
function successUrlPartsOf(url: string): readonly string[] {
  let parts = successUrlParts.get(url);
  if (parts !== undefined) return parts;
  const split: string[] = [];
  let text = '';
  let end = 0;
  for (const match of url.matchAll(/\{\{|\}\}|\{([^{}]*)\}/g)) {
    text += url.slice(end, match.index);
    end = match.index + match[0].length;
    if (match[1] === undefined) text += match[0][0];
    else {
      split.push(text, match[1]);
      text = '';
    }
  }
  split.push(text + url.slice(end));
  parts = split;
  if (successUrlParts.size < MAX_SUCCESS_URLS) successUrlParts.set(url, parts);
  return parts;
}

/** Python's `str.format(**object)` for `{name}` placeholders, each value URL-encoded. */
export function formatSuccessUrl(url: string, object: unknown, owner: string): string {
  return fillSuccessUrl(url, object, { constructor: { name: owner } });
}

/** `formatSuccessUrl()` for a view, whose class is named only in an error. @internal */
export function fillSuccessUrl(url: string, object: unknown, view: { constructor: { name: string } }): string {
  const parts = successUrlPartsOf(url);
  let formatted = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const value = object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined;
    if (value === undefined)
      throw new ImproperlyConfigured(MESSAGES.successUrlMissingKey(view.constructor.name, url, key));
    // An integer (the usual `{id}`) is digits and maybe a minus sign: nothing to encode.
    formatted += (Number.isSafeInteger(value) ? `${value}` : encodeURIComponent(String(value))) + parts[i + 1]!;
  }
  return formatted;
}
