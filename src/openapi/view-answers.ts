import {
  BooleanField,
  CharField,
  ChoiceField,
  DateField,
  DateTimeField,
  EmailField,
  type Field,
  FloatField,
  IntegerField,
  MultipleChoiceField,
} from '../forms/fields.js';
import type { FormClass } from '../forms/form.js';
import { SlugField, URLField } from '../forms/text-fields.js';
import { DATE_CONTEXT_KEYS } from '../views/date-list.view.js';
import type { ViewClass } from '../views/view.js';

/** An OpenAPI schema object, as `@nestjs/swagger` writes it. */
type Schema = Record<string, unknown>;

/** What the documentation says a view answers, read from a probe of the view. */
export interface ViewAnswers {
  /** Whether it renders templates (`text/html`). */
  readonly html: boolean;
  /** Whether it answers JSON (`JsonResponseMixin`): always without templates, on `Accept` with them. */
  readonly json: boolean;
  /** Whether it edits through a form (a POST body, 302/200 for HTML, 422 for JSON). */
  readonly form: boolean;
  /** The schema of the form's body, when the form class is known without a request. */
  readonly body?: Schema;
  /** Whether it shows or edits one object, found by the URL (404). */
  readonly single: boolean;
  /** The fields each object's JSON carries (`jsonFields`), when known. */
  readonly jsonFields?: readonly string[];
  /** Whether it is a date view, whose JSON list also carries `date_list` and its periods. */
  readonly dated?: boolean;
}

/**
 * Read what `viewClass` answers from an instance made without a request (its attributes
 * as the class and `initkwargs` set them). A view whose constructor needs its injected
 * dependencies is read from its prototype alone: HTML when it has templates.
 */
export function viewAnswers(viewClass: ViewClass, initkwargs: Readonly<Record<string, unknown>>): ViewAnswers {
  let probe: Record<string, unknown>;
  try {
    probe = Object.assign(Reflect.construct(viewClass, []) as Record<string, unknown>, initkwargs);
  } catch {
    probe = Object.assign(Object.create(viewClass.prototype) as Record<string, unknown>, initkwargs);
  }
  const has = (method: string) => typeof probe[method] === 'function';
  const html = has('getTemplateNames');
  const form = has('getFormClass');
  const formClass = probe.formClass as FormClass | null | undefined;
  const body = form && formClass ? formSchema(formClass) : undefined;
  const jsonFields = Array.isArray(probe.jsonFields) ? (probe.jsonFields as readonly string[]) : undefined;
  const dated = has('getDatedItems');
  return {
    html,
    json: has('renderToJsonResponse'),
    form,
    single: has('getObject'),
    ...(body ? { body } : {}),
    ...(jsonFields ? { jsonFields } : {}),
    ...(dated ? { dated } : {}),
  };
}

/** The responses and request body OpenAPI gets for `method` of a view that answers as `answers` says. */
export function operationDocs(
  method: string,
  answers: ViewAnswers,
): { responses: Record<string, Schema>; body?: Schema } {
  const { html, json, form, single } = answers;
  const responses: Record<string, Schema> = {};
  const item: Schema = answers.jsonFields
    ? { type: 'object', properties: Object.fromEntries(answers.jsonFields.map((name) => [name, {}])) }
    : { type: 'object' };
  const jsonPage: Schema =
    single || form
      ? { type: 'object', properties: { object: { ...item, nullable: true } } }
      : {
          type: 'object',
          properties: {
            object_list: { type: 'array', items: item },
            page: { type: 'object', nullable: true },
            ...(answers.dated ? DATE_PROPERTIES : {}),
          },
        };
  const notFound = () => {
    if (single) responses['404'] = { description: 'No object matches the URL' };
    else if (answers.dated)
      responses['404'] = {
        description: 'A date the URL does not give, or a period without objects (unless allowEmpty)',
      };
  };
  if (method === 'get' || method === 'head') {
    if (!html && !json) return { responses };
    responses['200'] = {
      description: html ? 'The page' : 'The JSON body',
      content: contentOf(html ? { type: 'string' } : undefined, json ? jsonPage : undefined),
    };
    notFound();
    return { responses };
  }
  if (form && method !== 'delete') {
    if (html) {
      responses['302'] = {
        description: 'A valid form: a redirect to the success URL (HX-Redirect, with 200, for htmx)',
      };
      responses['200'] = {
        description: 'An invalid form: the page again, with its errors',
        content: contentOf({ type: 'string' }),
      };
    }
    if (json) {
      responses['201'] = {
        description: 'Saved: the object stored (200 for an update)',
        content: contentOf(undefined, jsonPage),
      };
      responses['422'] = {
        description: 'An invalid form: its errors by field',
        content: contentOf(undefined, { type: 'object', properties: { errors: { type: 'object' } } }),
      };
    }
    responses['403'] = { description: 'The CSRF check failed' };
    notFound();
    return { responses, body: answers.body ?? { type: 'object' } };
  }
  if (method === 'delete' && single) {
    if (html) responses['302'] = { description: 'Deleted: a redirect to the success URL' };
    if (json) responses['204'] = { description: 'Deleted' };
    responses['403'] = { description: 'The CSRF check failed' };
    notFound();
  }
  return { responses };
}

/** A date view's JSON dates (each view carries some of them): `date_list`, the period and its neighbours, as `YYYY-MM-DD`. */
const DATE_PROPERTIES: Record<string, Schema> = Object.fromEntries(
  DATE_CONTEXT_KEYS.map((key) => [
    key,
    key === 'date_list'
      ? { type: 'array', items: { type: 'string', format: 'date' }, nullable: true }
      : { type: 'string', format: 'date', nullable: true },
  ]),
);

/** An OpenAPI `content` object for an HTML and/or a JSON body. */
function contentOf(htmlSchema?: Schema, jsonSchema?: Schema): Schema {
  return {
    ...(htmlSchema ? { 'text/html': { schema: htmlSchema } } : {}),
    ...(jsonSchema ? { 'application/json': { schema: jsonSchema } } : {}),
  };
}

/** The OpenAPI schema of a form class's body: its Standard JSON Schema where the validator gives one, else its fields'. */
export function formSchema(formClass: FormClass): Schema {
  const standard = (
    formClass as { schema?: { '~standard'?: { jsonSchema?: { input?: (options: { target: string }) => Schema } } } }
  ).schema?.['~standard'];
  try {
    const fromValidator = standard?.jsonSchema?.input?.({ target: 'openapi-3.0' });
    if (fromValidator) {
      const { $schema: _, ...schema } = fromValidator;
      return schema;
    }
  } catch {
    // A validator without this target: the fields say it.
  }
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(formClass.fields)) {
    properties[name] = fieldSchema(field);
    if (field.required) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** The schema of one field's value. */
function fieldSchema(field: Field): Schema {
  if (field instanceof MultipleChoiceField)
    return { type: 'array', items: { enum: field.choices.map(([value]) => value) } };
  if (field instanceof ChoiceField) return { enum: field.choices.map(([value]) => value) };
  if (field instanceof BooleanField) return { type: 'boolean' };
  if (field instanceof FloatField) return numberSchema('number', field);
  if (field instanceof IntegerField) return numberSchema('integer', field);
  if (field instanceof DateTimeField) return { type: 'string', format: 'date-time' };
  if (field instanceof DateField) return { type: 'string', format: 'date' };
  if (field instanceof CharField) {
    const format = field instanceof EmailField ? 'email' : field instanceof URLField ? 'uri' : undefined;
    return {
      type: 'string',
      ...(format ? { format } : {}),
      ...(field instanceof SlugField ? { pattern: field.allowUnicode ? '^[-\\w]+$' : '^[-a-zA-Z0-9_]+$' } : {}),
      ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
      ...(field.minLength !== undefined ? { minLength: field.minLength } : {}),
    };
  }
  return {};
}

function numberSchema(type: 'integer' | 'number', field: IntegerField): Schema {
  return {
    type,
    ...(field.minValue !== undefined ? { minimum: field.minValue } : {}),
    ...(field.maxValue !== undefined ? { maximum: field.maxValue } : {}),
  };
}
