import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import {
  BooleanField,
  CharField,
  ChoiceField,
  DateField,
  DateTimeField,
  type Field,
  FloatField,
  IntegerField,
} from './fields.js';
import { Form, type FormClass } from './form.js';
import { formFieldSpecOf } from './form-field.decorator.js';
import { Textarea } from './widgets.js';

/** The parts of a TypeORM `ColumnMetadata` a model form reads. */
export interface ColumnMetadataLike {
  propertyName: string;
  type: unknown;
  length?: string | number;
  isNullable?: boolean;
  default?: unknown;
  isGenerated?: boolean;
  isPrimary?: boolean;
  isCreateDate?: boolean;
  isUpdateDate?: boolean;
  isDeleteDate?: boolean;
  isVersion?: boolean;
  enum?: ReadonlyArray<string | number>;
  relationMetadata?: unknown;
  /** The entity class that declares the column, where `@FormField()` is looked up. */
  target?: unknown;
}

/** The parts of a TypeORM `EntityMetadata` a model form reads. */
export interface ModelMetadataLike {
  targetName: string;
  columns: readonly ColumnMetadataLike[];
  primaryColumns?: readonly ColumnMetadataLike[];
  /** `@Unique()` and `@Column({ unique: true })` constraints. */
  uniques?: ReadonlyArray<{ columns: readonly ColumnMetadataLike[] }>;
  /** `@Index({ unique: true })` indices among others. */
  indices?: ReadonlyArray<{ isUnique: boolean; columns: readonly ColumnMetadataLike[] }>;
}

const uniqueSets = new WeakMap<ModelMetadataLike, readonly string[][]>();

/** The sets of columns whose values must be unique together (worked out once per entity). */
export function uniqueColumnSets(metadata: ModelMetadataLike): readonly string[][] {
  let sets = uniqueSets.get(metadata);
  if (!sets) uniqueSets.set(metadata, (sets = findUniqueColumnSets(metadata)));
  return sets;
}

function findUniqueColumnSets(metadata: ModelMetadataLike): string[][] {
  const sets = [
    ...(metadata.uniques ?? []).map((unique) => unique.columns),
    ...(metadata.indices ?? []).filter((index) => index.isUnique).map((index) => index.columns),
  ].map((columns) => columns.map((column) => column.propertyName));
  const seen = new Set<string>();
  return sets.filter((set) => {
    const key = set.join(',');
    if (seen.has(key) || set.length === 0) return false;
    seen.add(key);
    return true;
  });
}

/** Django's "all the editable fields" value of `fields`. */
export const ALL_FIELDS = '__all__';

/** What `fields` on a create or update view lists: column names, or `'__all__'`. */
export type ModelFormFields = readonly string[] | typeof ALL_FIELDS;

const forms = new WeakMap<ModelMetadataLike, Map<string, FormClass>>();
/** The last form class made for a `fields` array, and for which entity. */
const formsByArray = new WeakMap<readonly string[], { metadata: ModelMetadataLike; formClass: FormClass }>();

/**
 * Django's `modelform_factory`: a form class with one field per named column, typed from
 * the TypeORM column metadata (type, length, nullable, default). Generated, date-stamp
 * and version columns cannot be edited. One class per entity and field list; an array
 * seen before is recognised by identity, so give a new array to change the fields rather
 * than changing one in place.
 *
 * @example
 * const BookForm = modelFormFor(dataSource.getMetadata(Book), ['title', 'author']);
 */
export function modelFormFor(metadata: ModelMetadataLike, fields: ModelFormFields, owner = 'ModelForm'): FormClass {
  // A view asks with the same `fields` array on every request: found by identity first.
  const byArray = typeof fields === 'string' ? undefined : formsByArray.get(fields);
  if (byArray?.metadata === metadata) return byArray.formClass;
  let cache = forms.get(metadata);
  if (!cache) forms.set(metadata, (cache = new Map()));
  const key = fields === ALL_FIELDS ? ALL_FIELDS : JSON.stringify(fields);
  let formClass = cache.get(key);
  if (!formClass) {
    formClass = buildModelForm(metadata, checkModelFields(metadata, fields, owner));
    cache.set(key, formClass);
  }
  if (typeof fields !== 'string') formsByArray.set(fields, { metadata, formClass });
  return formClass;
}

/** The columns `fields` names, or `ImproperlyConfigured` (Django's wording) for unknown or non-editable ones. */
export function checkModelFields(metadata: ModelMetadataLike, fields: ModelFormFields, owner: string): ColumnMetadataLike[] {
  const model = metadata.targetName;
  const columns = new Map(metadata.columns.filter((column) => !column.relationMetadata).map((column) => [column.propertyName, column]));
  if (fields === ALL_FIELDS) return [...columns.values()].filter(isEditable);
  const unknown = fields.filter((name) => !columns.has(name));
  if (unknown.length > 0) {
    const choices = [...columns.values()].filter(isEditable).map((column) => column.propertyName);
    throw new ImproperlyConfigured(MESSAGES.unknownFields(unknown, model, owner, choices));
  }
  return fields.map((name) => {
    const column = columns.get(name)!;
    if (!isEditable(column)) throw new ImproperlyConfigured(MESSAGES.nonEditableField(name, model));
    return column;
  });
}

function isEditable(column: ColumnMetadataLike): boolean {
  return !(column.isGenerated || column.isCreateDate || column.isUpdateDate || column.isDeleteDate || column.isVersion);
}

function buildModelForm(metadata: ModelMetadataLike, columns: readonly ColumnMetadataLike[]): FormClass {
  const fields = Object.fromEntries(columns.map((column) => [column.propertyName, fieldForColumn(column)]));
  const ModelForm = class extends Form {
    static override fields = fields;
  };
  Object.defineProperty(ModelForm, 'name', { value: `${metadata.targetName}Form` });
  return ModelForm;
}

/**
 * The form field for a column: its type picks the field, `length` the most characters,
 * `nullable` makes it optional; `@FormField()` on the property can name the field class
 * and add validators.
 */
export function fieldForColumn(column: ColumnMetadataLike): Field {
  const required = !column.isNullable;
  const initial = typeof column.default === 'function' ? undefined : column.default;
  const declared = formFieldSpecOf(column.target, column.propertyName);
  const common = { required, initial, validators: declared?.validators };
  if (declared?.field) {
    const length = Number(column.length);
    return new declared.field({ ...common, maxLength: length > 0 ? length : undefined, emptyValue: column.isNullable ? null : '' });
  }
  // TypeORM stores a `Date`-typed column (`@Column({ type: Date })`, or a `Date` property) as `datetime`/`timestamp`.
  const type = column.type === Date ? 'datetime' : typeof column.type === 'function' ? (column.type as Function).name.toLowerCase() : String(column.type).toLowerCase();
  if (column.enum && column.enum.length > 0) {
    return new ChoiceField({ ...common, choices: column.enum.map((value) => [value, String(value)] as const) });
  }
  if (type === 'boolean' || type === 'bool') return new BooleanField({ ...common, required: false });
  if (type === 'number' || /^(int|integer|smallint|bigint|tinyint|mediumint|int2|int4|int8)$/.test(type)) return new IntegerField(common);
  if (/^(float|double|real|decimal|numeric|double precision|float4|float8|dec)$/.test(type)) return new FloatField(common);
  // TypeORM stores a column typed with the `Date` class as a date and time (datetime, timestamp).
  if (column.type === Date) return new DateTimeField(common);
  if (type === 'date') return new DateField({ ...common, asString: true });
  if (/^(datetime|timestamp|timestamptz|timestamp with time zone|timestamp without time zone|datetime2)$/.test(type)) return new DateTimeField(common);
  const maxLength = column.length ? Number(column.length) : undefined;
  const emptyValue = column.isNullable ? null : '';
  if (/text|clob/.test(type)) return new CharField({ ...common, maxLength, emptyValue, widget: new Textarea() });
  return new CharField({ ...common, maxLength: Number.isFinite(maxLength) ? maxLength : undefined, emptyValue });
}
