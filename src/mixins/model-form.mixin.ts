import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse } from '../http/http-response.js';
import type { Form, FormClass, FormOptions } from '../forms/form.js';
import { checkModelFields, type ModelFormFields, type ModelMetadataLike, modelFormFor, uniqueColumnSets } from '../forms/model-form.js';
import { ValidationError } from '../forms/validation-error.js';
import { verboseNameOf } from '../data/model-names.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { DEFAULT_GET_QUERYSETS, resolveModel } from '../data/default-queryset.js';
import { toObjectSource } from '../data/to-object-source.js';
import { FormMixin } from './form.mixin.js';
import { SingleObjectMixin } from './single-object.mixin.js';
import type { ViewConstructor } from './view-constructor.js';
import { isThenable } from '../utils/is-thenable.js';

/** The library's own `getFormClass()`s: a view that overrides it is not checked at start-up. */
const LIBRARY_METHODS = new WeakSet<Function>();

/**
 * Django's `ModelFormMixin`: the form edits `this.object`. With `fields`, the form is
 * built from the entity's TypeORM columns; `formClass` uses any form instead. A valid
 * form is saved through the data source (`create()`/`update()`), then the view
 * redirects to `successUrl` with `{field}`s filled from the saved object, or to its
 * `getAbsoluteUrl()`. A JSON client gets the saved object instead (201 for a new one).
 */
export function ModelFormMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class ModelFormMixinView extends FormMixin(SingleObjectMixin(Base)) {
    /** The entity's columns the form edits, or `'__all__'`. Default `null`: set it or `formClass`. */
    fields: ModelFormFields | null = null;

    /**
     * The form class: `formClass`, or a form built from `fields` and the model's columns.
     * Both or neither set is `ImproperlyConfigured` (checked at start-up, too).
     */
    override getFormClass(): FormClass | Promise<FormClass> {
      const name = this.constructor.name;
      if (this.fields !== null && this.formClass !== null) throw new ImproperlyConfigured(MESSAGES.fieldsAndFormClass(name));
      if (this.formClass !== null) return this.formClass;
      const fields = this.fields;
      if (fields === null) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutFields(name));
      const build = (queryset: unknown) => {
        const metadata = metadataOf(queryset) ?? this.modelMetadata();
        if (!metadata) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutModel(name));
        return modelFormFor(metadata, fields, name);
      };
      const queryset = querysetOfRequest(this);
      return isThenable(queryset) ? Promise.resolve(queryset).then(build) : build(queryset);
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
      if (this.successUrl) return formatSuccessUrl(this.successUrl, this.object, this.constructor.name);
      const getAbsoluteUrl = (this.object as { getAbsoluteUrl?: () => string } | null)?.getAbsoluteUrl;
      if (typeof getAbsoluteUrl !== 'function') throw new ImproperlyConfigured(MESSAGES.noModelSuccessUrl());
      return getAbsoluteUrl.call(this.object);
    }

    /**
     * Check the unique columns the form edits (Django's `validate_unique()`), save the
     * form (`saveForm()`), then redirect, or answer a JSON client with the object.
     */
    override async formValid(form: Form): Promise<HttpResponse> {
      await this.validateUnique(form);
      if (form.errors.length > 0) return this.formInvalid(form);
      const json = this.answersJson();
      // A JSON answer that cannot be built (no `jsonFields`) must fail before anything is written.
      const getJsonFields = (this as { getJsonFields?: () => unknown }).getJsonFields;
      if (typeof getJsonFields === 'function' && json) getJsonFields.call(this);
      const created = !this.object;
      this.object = await this.saveForm(form);
      if (json) return this.renderToResponse(this.getContextData({ object: this.object }), { status: created ? 201 : 200 });
      return super.formValid(form);
    }

    /**
     * Refuse values that another row already has in a unique column (or set of columns)
     * the form edits, with Django's message: "Book with this Slug already exists."
     */
    async validateUnique(form: Form): Promise<void> {
      const view = this as { [UNIQUE_CHECKED]?: Form };
      if (view[UNIQUE_CHECKED] === form) return;
      view[UNIQUE_CHECKED] = form;
      const queryset = querysetOfRequest(this);
      const metadata = metadataOf(isThenable(queryset) ? await queryset : queryset) ?? this.modelMetadata();
      if (!metadata || uniqueColumnSets(metadata).length === 0) return;
      const source = await this.getObjectSource();
      if (!source.get) return;
      for (const columns of uniqueColumnSets(metadata)) {
        if (!columns.every((name) => name in form.fields && form.cleanedData[name] != null)) continue;
        const lookup = Object.fromEntries(columns.map((name) => [name, form.cleanedData[name]]));
        const other = await source.get(lookup);
        if (!other || (this.object && samePrimaryKey(metadata, other, this.object))) continue;
        const labels = columns.map((name) => form.field(name).label);
        const message = MESSAGES.notUnique(verboseNameOf(metadata.targetName), labels);
        form.addError(columns.length === 1 ? columns[0]! : null, new ValidationError(message, 'unique'));
      }
    }

    /** An invalid form: the unique columns that are valid are checked too, so every error shows at once. */
    override async formInvalid(form: Form): Promise<HttpResponse> {
      await this.validateUnique(form);
      return super.formInvalid(form);
    }

    /** Store the cleaned data: a new object through `create()`, else `update()` of `this.object`. */
    async saveForm(form: Form): Promise<any> {
      const source = await this.getObjectSource();
      const operation = this.object ? 'update' : 'create';
      if (typeof source[operation] !== 'function') throw new ImproperlyConfigured(MESSAGES.sourceCannotWrite(this.constructor.name, operation));
      return this.object ? source.update!(this.object, form.cleanedData) : source.create!(form.cleanedData);
    }

    /** What `getQueryset()` returns, asked once per request (the form class, the unique checks and the save all need it). */
    requestQueryset(): Promise<unknown> {
      return Promise.resolve(querysetOfRequest(this));
    }


    /** The data source of this request's queryset, which the save goes through. */
    override async getObjectSource(): Promise<ObjectSource<any>> {
      const queryset = querysetOfRequest(this);
      return toObjectSource((isThenable(queryset) ? await queryset : queryset) as never, this.constructor.name);
    }

    /** The TypeORM metadata of `model`, through its repository; `undefined` without one. */
    modelMetadata(): ModelMetadataLike | undefined {
      if (this.model === null) return undefined;
      return metadataOf(resolveModel(this, this.model));
    }

    /** Start-up checks: `fields` and `formClass` (both, neither), unknown or non-editable fields, the model's repository. */
    override checkConfiguration(): void {
      super.checkConfiguration();
      const name = this.constructor.name;
      if (!LIBRARY_METHODS.has(this.getFormClass)) return;
      if (this.fields !== null && this.formClass !== null) throw new ImproperlyConfigured(MESSAGES.fieldsAndFormClass(name));
      if (this.formClass !== null) return;
      if (this.fields === null) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutFields(name));
      const metadata = metadataOf(this.queryset) ?? this.modelMetadata();
      if (metadata) checkModelFields(metadata, this.fields, name);
      else if (DEFAULT_GET_QUERYSETS.has(this.getQueryset)) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutModel(name));
    }
  }
  LIBRARY_METHODS.add(ModelFormMixinView.prototype.getFormClass);
  DEFAULT_GET_QUERYSETS.add(ModelFormMixinView.prototype.getQueryset);
  return ModelFormMixinView;
}

/**
 * Kept on the view object, which is the request's own: its `getQueryset()` result, and the
 * form whose unique columns were checked (once per form). Properties rather than weak maps:
 * this runs on every request, and a weak map's entries cost more to make than to read.
 */
const REQUEST_QUERYSET = Symbol('requestQueryset');
const UNIQUE_CHECKED = Symbol('uniqueChecked');

/** What `getQueryset()` returned for `view`'s request, asked once: `requestQueryset()` without a promise when it returned none. */
function querysetOfRequest(view: { getQueryset(): unknown; [REQUEST_QUERYSET]?: { queryset: unknown } }): unknown {
  return (view[REQUEST_QUERYSET] ??= { queryset: view.getQueryset() }).queryset;
}

function samePrimaryKey(metadata: ModelMetadataLike, a: object, b: object): boolean {
  const keys = (metadata.primaryColumns ?? []).map((column) => column.propertyName);
  if (keys.length === 0) return a === b;
  return keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** The entity metadata of a TypeORM repository or query builder, else `undefined`. */
function metadataOf(queryset: unknown): ModelMetadataLike | undefined {
  const candidate = queryset as { metadata?: ModelMetadataLike; expressionMap?: { mainAlias?: { hasMetadata: boolean; metadata: ModelMetadataLike } } } | null;
  if (candidate?.metadata?.columns) return candidate.metadata;
  const main = candidate?.expressionMap?.mainAlias;
  return main?.hasMetadata ? main.metadata : undefined;
}

/** Python's `str.format(**object)` for `{name}` placeholders, each value URL-encoded. */
export function formatSuccessUrl(url: string, object: unknown, owner: string): string {
  return url.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (match, key: string | undefined) => {
    if (key === undefined) return match[0]!;
    const value = object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined;
    if (value === undefined) throw new ImproperlyConfigured(MESSAGES.successUrlMissingKey(owner, url, key));
    return encodeURIComponent(String(value));
  });
}
