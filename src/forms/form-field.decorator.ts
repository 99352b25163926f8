import type { Field, FieldOptions } from './fields.js';
import type { Validator } from './validators.js';

/** A field class a model form can build for a column: it takes the column's options (`required`, `maxLength`…). */
export type FormFieldClass = new (options: FieldOptions & Record<string, any>) => Field;

/** What `@FormField()` declares for a column. */
export interface FormFieldSpec {
  /** The form field class (`SlugField`, `URLField`…). Default: the one the column's type picks. */
  field?: FormFieldClass;
  /** Validators added to the field's own, run as Django's `run_validators()`. Default none. */
  validators?: readonly Validator[];
}

const specs = new WeakMap<object, Map<string, FormFieldSpec>>();

/**
 * The form field of an entity's column in model forms (`modelFormFor()`, `CreateView`,
 * `UpdateView`): its class, its validators, or both. The column still gives `required`
 * (from `nullable`), `initial` (from `default`) and `maxLength` (from `length`).
 *
 * @example
 * @Entity()
 * export class Post {
 *   @Column({ length: 50, unique: true })
 *   @FormField(SlugField)
 *   slug!: string;
 *
 *   @Column()
 *   @FormField({ validators: [new MinLengthValidator(3)] })
 *   title!: string;
 * }
 */
export function FormField(spec: FormFieldClass | FormFieldSpec): PropertyDecorator {
  const declared: FormFieldSpec = typeof spec === 'function' ? { field: spec } : spec;
  return (prototype, property) => {
    let byProperty = specs.get(prototype);
    if (!byProperty) specs.set(prototype, (byProperty = new Map()));
    byProperty.set(String(property), declared);
  };
}

/** What `@FormField()` declared for `property` of `target` (a class) or of a parent class. */
export function formFieldSpecOf(target: unknown, property: string): FormFieldSpec | undefined {
  if (typeof target !== 'function') return undefined;
  for (let prototype = target.prototype as object | null; prototype; prototype = Object.getPrototypeOf(prototype)) {
    const spec = specs.get(prototype)?.get(property);
    if (spec) return spec;
  }
  return undefined;
}
