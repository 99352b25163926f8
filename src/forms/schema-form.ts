import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import {
  BooleanField,
  CharField,
  ChoiceField,
  DateField,
  EmailField,
  type Field,
  FloatField,
  IntegerField,
} from './fields.js';
import { Form, type FormClass } from './form.js';
import { ValidationError } from './validation-error.js';
import { MESSAGES } from '../class-views.messages.js';

/** Options of `schemaForm()`. */
export interface SchemaFormOptions {
  /**
   * Fields that replace (or add to) those read from the schema's JSON Schema: a widget,
   * label or help text of your own. Required when the schema cannot describe itself.
   */
  fields?: Record<string, Field>;
}

/** A form validated by a Standard Schema: `cleanedData` is the schema's output. */
export class SchemaForm<Output = Record<string, unknown>> extends Form {
  /** The schema. */
  static schema: StandardSchemaV1;
  declare cleanedData: Output & Record<string, any>;

  /**
   * Run the schema on the fields' cleaned values (optional fields left empty are left
   * out); its output becomes `cleanedData`, its issues the errors of their field (the
   * first segment of their path) or the non-field errors. A field that already failed
   * keeps Django's message.
   */
  protected override async postClean(): Promise<void> {
    const schema = (this.constructor as typeof SchemaForm).schema;
    const input: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.cleanedData)) {
      const field = this.fields[name]!;
      if (!field.required && (value === null || value === '')) continue;
      input[name] = value;
    }
    const result = await schema['~standard'].validate(input);
    if (!result.issues) {
      if (this.errors.length === 0) this.cleanedData = result.value as Output & Record<string, any>;
      return;
    }
    for (const issue of result.issues) {
      const first = issue.path?.[0];
      const key = typeof first === 'object' && first !== null ? first.key : first;
      const field = typeof key === 'string' && key in this.fields ? key : null;
      if (field !== null && this.errors.has(field)) continue;
      this.addError(field, new ValidationError(issue.message, 'invalid'));
    }
  }
}

/**
 * A form class from any Standard Schema (zod, valibot, arktype…). The fields, their
 * widgets and limits come from the schema's JSON Schema when it offers one
 * (`~standard.jsonSchema`, as zod 4 does): strings (email, date), integers, numbers,
 * booleans, enums, with `maxLength`, `minimum`… Their messages are Django's; the schema
 * then validates the typed values and has the last word.
 *
 * @example
 * const ContactSchema = z.object({ email: z.email(), subject: z.string().min(1).max(200), message: z.string() });
 * export const ContactForm = schemaForm(ContactSchema);
 */
export function schemaForm<S extends StandardSchemaV1>(
  schema: S,
  options: SchemaFormOptions = {},
): FormClass<SchemaForm<StandardSchemaV1.InferOutput<S>>> & {
  /** The schema the form validates with. */
  schema: S;
} {
  const fields = { ...fieldsFromJsonSchema(schema), ...(options.fields ?? {}) };
  if (Object.keys(fields).length === 0) {
    throw new ImproperlyConfigured(MESSAGES.schemaWithoutFields(schema['~standard'].vendor));
  }
  return class extends SchemaForm<StandardSchemaV1.InferOutput<S>> {
    static override schema = schema;
    static override fields = fields;
  } as unknown as FormClass<SchemaForm<StandardSchemaV1.InferOutput<S>>> & { schema: S };
}

interface JsonSchemaProperty {
  type?: string | string[];
  format?: string;
  enum?: Array<string | number>;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  title?: string;
  anyOf?: JsonSchemaProperty[];
}

/** The fields a schema describes through its JSON Schema; none when it offers none. */
function fieldsFromJsonSchema(schema: StandardSchemaV1): Record<string, Field> {
  const converter = (schema['~standard'] as Partial<StandardJSONSchemaV1.Props>).jsonSchema;
  if (!converter) return {};
  let json: { properties?: Record<string, JsonSchemaProperty>; required?: string[] };
  try {
    json = converter.input({ target: 'draft-2020-12' }) as typeof json;
  } catch {
    return {};
  }
  const required = new Set(json.required ?? []);
  return Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([name, property]) => [name, fieldFor(property, required.has(name))]),
  );
}

const SAFE = Number.MAX_SAFE_INTEGER;

function fieldFor(property: JsonSchemaProperty, isRequired: boolean): Field {
  // `z.string().nullable()` and friends: the non-null branch describes the field.
  const nonNull = property.anyOf?.find((branch) => branch.type !== 'null');
  const nullable = !!nonNull;
  const described = nonNull ? { ...nonNull, default: property.default, description: property.description } : property;
  const type = Array.isArray(described.type) ? described.type.find((t) => t !== 'null') : described.type;
  const common = {
    required: isRequired && !nullable && described.default === undefined,
    initial: described.default,
    helpText: described.description,
    label: described.title,
  };
  const bound = (value?: number) => (value === undefined || Math.abs(value) >= SAFE ? undefined : value);
  if (described.enum)
    return new ChoiceField({ ...common, choices: described.enum.map((value) => [value, String(value)] as const) });
  if (type === 'integer')
    return new IntegerField({ ...common, minValue: bound(described.minimum), maxValue: bound(described.maximum) });
  if (type === 'number')
    return new FloatField({ ...common, minValue: bound(described.minimum), maxValue: bound(described.maximum) });
  if (type === 'boolean') return new BooleanField({ ...common, required: false });
  if (described.format === 'email') return new EmailField({ ...common, maxLength: described.maxLength });
  if (described.format === 'date') return new DateField({ ...common, asString: true });
  return new CharField({ ...common, maxLength: described.maxLength, minLength: described.minLength });
}
