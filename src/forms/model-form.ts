import { MESSAGES } from '../class-views.messages.js';
import { constraintViolation } from '../data/database-errors.js';
import { resolveModel } from '../data/default-queryset.js';
import { verboseNameOf } from '../data/model-names.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { type RepositoryLike, TypeOrmSource } from '../data/typeorm-source.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { View } from '../views/view.js';
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
import { Form, type FormClass, type FormOptions, IS_VALID_NOW } from './form.js';
import { formFieldSpecOf } from './form-field.decorator.js';
import { FORM_MESSAGES } from './forms.messages.js';
import { ValidationError } from './validation-error.js';
import { Textarea } from './widgets.js';
import { codedError } from '../utils/coded-message.js';
import { isThenable } from '../utils/is-thenable.js';

/** The parts of a TypeORM `ColumnMetadata` a model form reads. */
export interface ColumnMetadataLike {
  /** The entity property the column maps to: the form field's name. */
  propertyName: string;
  /** The column type (`String`, `'varchar'`, `Date`, …): chooses the form field. */
  type: unknown;
  /** The column length: a text field's `maxLength`. */
  length?: string | number;
  /** Whether the column takes `NULL`: the field is then optional. */
  isNullable?: boolean;
  /** The column default: the field is then optional. */
  default?: unknown;
  /** Whether the database generates the value (not editable). */
  isGenerated?: boolean;
  /** Whether the column is part of the primary key. */
  isPrimary?: boolean;
  /** Whether it is a `@CreateDateColumn()` (not editable). */
  isCreateDate?: boolean;
  /** Whether it is an `@UpdateDateColumn()` (not editable). */
  isUpdateDate?: boolean;
  /** Whether it is a `@DeleteDateColumn()` (not editable). */
  isDeleteDate?: boolean;
  /** Whether it is a `@VersionColumn()` (not editable). */
  isVersion?: boolean;
  /** The values of an enum column: the choices of its field. */
  enum?: ReadonlyArray<string | number>;
  /** The relation the column belongs to, if any (not editable as a plain field). */
  relationMetadata?: unknown;
  /** The entity class that declares the column, where `@FormField()` is looked up. */
  target?: unknown;
}

/** The parts of a TypeORM `EntityMetadata` a model form reads. */
export interface ModelMetadataLike {
  /** The entity's name, for messages. */
  targetName: string;
  /** Every column of the entity. */
  columns: readonly ColumnMetadataLike[];
  /** The primary key's columns. */
  primaryColumns?: readonly ColumnMetadataLike[];
  /** `@Unique()` and `@Column({ unique: true })` constraints. */
  uniques?: ReadonlyArray<{
    /** The columns unique together. */
    columns: readonly ColumnMetadataLike[];
  }>;
  /** `@Index({ unique: true })` indices among others. */
  indices?: ReadonlyArray<{
    /** Whether the index is unique. */
    isUnique: boolean;
    /** The columns indexed. */
    columns: readonly ColumnMetadataLike[];
  }>;
  /** Foreign keys (`@ForeignKey()`, relations' join columns): checked when the database refuses a save. */
  foreignKeys?: ReadonlyArray<{
    /** The columns of this entity. */
    columns: readonly ColumnMetadataLike[];
    /** The columns they refer to. */
    referencedColumns: readonly ColumnMetadataLike[];
    /** The entity referred to. */
    referencedEntityMetadata: ModelMetadataLike;
  }>;
  /** The entity class, whose repository the form saves through when it is given no source. */
  target?: Function | string;
  /** The TypeORM `DataSource` the entity belongs to. */
  connection?: {
    /** The repository of an entity. */
    getRepository(target: Function | string): unknown;
  };
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

/**
 * `fields` typed from the model `T`: names of `T`'s properties, or `'__all__'`. A name that is
 * no property of `T` is a compile error; that it is an editable column is checked at start-up.
 */
export type ModelFormFieldsOf<T> = readonly (keyof T & string)[] | typeof ALL_FIELDS;

const forms = new WeakMap<ModelMetadataLike, Map<string, FormClass<ModelForm>>>();
/** The last form class made for a `fields` array, and for which entity. */
const formsByArray = new WeakMap<readonly string[], { metadata: ModelMetadataLike; formClass: FormClass<ModelForm> }>();

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
export function modelFormFor(
  metadata: ModelMetadataLike,
  fields: ModelFormFields,
  owner = 'ModelForm',
): FormClass<ModelForm> {
  // A view asks with the same `fields` array on every request: found by identity first.
  const byArray = typeof fields === 'string' ? undefined : formsByArray.get(fields);
  if (byArray?.metadata === metadata) return byArray.formClass;
  let cache = forms.get(metadata);
  if (!cache) forms.set(metadata, (cache = new Map()));
  const key = fields === ALL_FIELDS ? ALL_FIELDS : JSON.stringify(fields);
  let formClass = cache.get(key);
  if (!formClass) {
    formClass = buildModelForm(metadata, checkModelFields(metadata, fields, owner), ModelForm);
    cache.set(key, formClass);
  }
  if (typeof fields !== 'string') formsByArray.set(fields, { metadata, formClass });
  return formClass;
}

/** `modelFormFor()` for a view: its class is named (a slow lookup) only when a new form is made. @internal */
export function modelFormForView(
  metadata: ModelMetadataLike,
  fields: ModelFormFields,
  view: { constructor: { name: string } },
): FormClass<ModelForm> {
  if (fields === ALL_FIELDS) {
    const all = forms.get(metadata)?.get(ALL_FIELDS);
    if (all) return all;
  } else if (typeof fields !== 'string') {
    const byArray = formsByArray.get(fields);
    if (byArray?.metadata === metadata) return byArray.formClass;
  }
  return modelFormFor(metadata, fields, view.constructor.name);
}

/** A model form class: its `meta` (declared) and `metadata` (once made for an entity). */
export type ModelFormClass<F extends ModelForm = ModelForm> = FormClass<F> &
  Pick<typeof ModelForm, 'meta' | 'metadata'>;

/** The form of each declared model form class, per entity metadata (one per app's `DataSource`). */
const declaredForms = new WeakMap<Function, WeakMap<ModelMetadataLike, FormClass<ModelForm>>>();

/**
 * A model form class declared with `static meta = { model, fields }` (Django's `class Meta`),
 * made for the entity's `metadata`: a subclass with a field for each column of `meta.fields`
 * (fields the class declares itself win) and its hooks (`clean<Name>()`, `clean()`). Made once
 * per class and metadata; `ModelFormMixin` calls it with the metadata of `meta.model`.
 */
export function bindModelForm<F extends ModelForm>(
  declared: ModelFormClass<F>,
  metadata: ModelMetadataLike,
  owner = declared.name,
): FormClass<F> {
  let byMetadata = declaredForms.get(declared);
  if (!byMetadata) declaredForms.set(declared, (byMetadata = new WeakMap()));
  let formClass = byMetadata.get(metadata);
  if (!formClass) {
    const meta = declared.meta;
    if (!meta) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutMetadata(declared.name));
    formClass = buildModelForm(
      metadata,
      checkModelFields(metadata, meta.fields, owner),
      declared as unknown as typeof ModelForm,
    );
    byMetadata.set(metadata, formClass);
  }
  return formClass as FormClass<F>;
}

/** Whether `formClass` is a model form declared with `meta` whose entity metadata is still to be found. */
export function isDeclaredModelForm(formClass: FormClass): formClass is ModelFormClass {
  return (
    formClass.prototype instanceof ModelForm &&
    !!(formClass as typeof ModelForm).meta &&
    !Object.hasOwn(formClass, 'metadata')
  );
}

/** The columns `fields` names, or `ImproperlyConfigured` (Django's wording) for unknown or non-editable ones. */
export function checkModelFields(
  metadata: ModelMetadataLike,
  fields: ModelFormFields,
  owner: string,
): ColumnMetadataLike[] {
  const model = metadata.targetName;
  const columns = new Map(
    metadata.columns.filter((column) => !column.relationMetadata).map((column) => [column.propertyName, column]),
  );
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

function buildModelForm(
  metadata: ModelMetadataLike,
  columns: readonly ColumnMetadataLike[],
  base: typeof ModelForm,
): FormClass<ModelForm> {
  const fields = {
    ...Object.fromEntries(columns.map((column) => [column.propertyName, fieldForColumn(column)])),
    ...base.fields,
  };
  const EntityForm = class extends base {
    static override fields = fields;
    static override metadata = metadata;
  };
  Object.defineProperty(EntityForm, 'name', { value: base === ModelForm ? `${metadata.targetName}Form` : base.name });
  return EntityForm;
}

/**
 * Django's `ModelForm`: a form whose fields are an entity's columns (`modelFormFor()` makes
 * the class, `ModelFormMixin` makes one from `fields`). Once its fields and `clean()` are
 * done it checks the unique columns it edits (`validateUnique()`, Django's `_post_clean()`);
 * `save()` stores `cleanedData` as a new object, or onto `instance`.
 *
 * Declare one as Django does, with `static meta = { model, fields }` and hooks, and give it
 * to a view as `formClass`; or make one from metadata with `modelFormFor()`.
 *
 * @example
 * class BookForm extends ModelForm<Book> {
 *   static override meta = { model: Book, fields: ['title', 'slug'] };
 *   cleanTitle() {
 *     return String(this.cleanedData.title).trim();
 *   }
 * }
 * // Outside a view: the class for a DataSource's entity.
 * const form = new (bindModelForm(BookForm, dataSource.getMetadata(Book)))({ data: { title: 'Dune', slug: 'dune' } });
 * if (await form.isValid()) await form.save(); // else form.errors: "Book with this Slug already exists."
 */
export class ModelForm<T extends object = any> extends Form {
  /** Django's `class Meta`: the entity and the columns the form edits (`'__all__'` for every editable one). Default `null`. */
  static meta: {
    /** The entity class. */
    readonly model: Function;
    /** The columns the form edits, or `'__all__'`. */
    readonly fields: ModelFormFields;
  } | null = null;
  /** The entity's TypeORM metadata; `modelFormFor()` and `bindModelForm()` set it. */
  static metadata: ModelMetadataLike;

  /** The object edited: `null` for a new one until `save()` stored it. */
  declare instance: T | null;

  // ES private fields: no property a column's field (`form.source`) could be hidden by.
  readonly #sourceOption: FormOptions['source'];
  #source?: ObjectSource<T> | Promise<ObjectSource<T>>;
  #sourceFound = false;

  constructor(options: FormOptions = {}) {
    super(options);
    this.#sourceOption = options.source;
  }

  /**
   * Django's `_post_clean()`: the unique checks, once the fields and `clean()` are done. An
   * entity without unique columns has none to make, so no promise is made for them (one
   * fewer wait in every save of such a form), unless a subclass checks more in `validateUnique()`.
   */
  protected override postClean(): void | Promise<void> {
    if (this.validateUnique === ModelForm.prototype.validateUnique && uniqueColumnSets(formMetadata(this)).length === 0)
      return;
    return this.validateUnique();
  }

  /**
   * Django's `validate_unique()`: refuse a value (or set of values) that another row has in
   * a unique column (or set of columns) the form edits, with Django's message ("Book with
   * this Slug already exists."). Sets with a field that failed or is empty are skipped.
   */
  async validateUnique(): Promise<void> {
    const metadata = formMetadata(this);
    if (uniqueColumnSets(metadata).length === 0) return;
    for (const [field, error] of await uniqueErrors(this, metadata, this.instance, await this.lookupSource()))
      this.addError(field, error);
  }

  /**
   * Django's `save()`: store `cleanedData` as a new object, or onto `instance`, through the
   * form's data source, and return the object stored (the form's `instance` from then on).
   *
   * When the database refuses the row with a unique or foreign-key violation (another
   * request stored the same slug after `validateUnique()` looked), nothing is stored: the
   * form gets the error `validateUnique()` would have given and `save()` throws it as a
   * `ValidationError`, which the editing views answer by showing the form again.
   */
  async save(): Promise<T> {
    // `isValid()` and `getSource()` without their promises when nothing in them is async.
    let valid = this[IS_VALID_NOW]();
    if (typeof valid !== 'boolean') valid = await valid;
    if (!valid)
      throw codedError(
        Error,
        MESSAGES.modelFormNotSaved(formMetadata(this).targetName, this.instance ? 'changed' : 'created'),
      );
    const found = this.getSource === ModelForm.prototype.getSource ? this.#sourceOnce() : this.getSource();
    const source = isThenable(found) ? await found : found;
    const operation = this.instance ? 'update' : 'create';
    if (typeof source[operation] !== 'function')
      throw new ImproperlyConfigured(MESSAGES.modelFormCannotSave(this.constructor.name, operation));
    try {
      this.instance = this.instance
        ? await source.update!(this.instance, this.cleanedData)
        : await source.create!(this.cleanedData);
    } catch (error) {
      throw await this.asFormError(error);
    }
    return this.instance;
  }

  /** Where the form saves: the source it was given (`{ source }`), else its model's repository (Django's default manager). */
  getSource(): Promise<ObjectSource<T>> {
    return Promise.resolve(this.#sourceOnce());
  }

  /**
   * The source, found once per form (the `source` option's function is called once, whatever
   * it returns or throws); a promise only when that function returns one, or for an error.
   */
  #sourceOnce(): ObjectSource<T> | Promise<ObjectSource<T>> {
    if (this.#sourceFound) return this.#source!;
    this.#sourceFound = true;
    try {
      const given = this.#sourceOption;
      if (given) return (this.#source = (typeof given === 'function' ? given() : given) as ObjectSource<T>);
      const own = repositorySource<T>(formMetadata(this));
      if (!own) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutSource(this.constructor.name));
      return (this.#source = own);
    } catch (error) {
      return (this.#source = Promise.reject(error));
    }
  }

  /**
   * A save's unique or foreign-key violation as the form's own errors (the checks run again,
   * now that the other row is there), thrown as the first of them; any other error, or a
   * violation no field of the form explains (a column the form does not edit), as it is.
   */
  private async asFormError(error: unknown): Promise<unknown> {
    const found = await violationErrors(this, formMetadata(this), this.instance, error, await this.lookupSource());
    return found.length > 0 ? fileErrors(this, found) : error;
  }

  /** Where the unique checks look: the whole table (Django's default manager), not a view's filtered queryset. */
  private async lookupSource(): Promise<ObjectSource<T>> {
    return repositorySource<T>(formMetadata(this)) ?? this.getSource();
  }
}

/** An error and the field it belongs to (`null`: a non-field error). */
export type FieldError = readonly [field: string | null, error: ValidationError];

/**
 * Django's `validate_unique()` for any form editing `metadata`'s entity: for each unique
 * column (or set) the form edits with a value, another row than `instance` that has it in
 * `source` gives Django's error ("Book with this Slug already exists.").
 */
export async function uniqueErrors(
  form: Form,
  metadata: ModelMetadataLike,
  instance: object | null,
  source: ObjectSource<unknown>,
): Promise<FieldError[]> {
  const sets = uniqueColumnSets(metadata).filter((set) =>
    set.every((name) => name in form.fields && form.cleanedData[name] != null),
  );
  if (sets.length === 0 || !source.get) return [];
  const errors: FieldError[] = [];
  for (const columns of sets) {
    const other = await source.get(Object.fromEntries(columns.map((name) => [name, form.cleanedData[name]])));
    if (!other || (instance && samePrimaryKey(metadata, other as object, instance))) continue;
    const message = FORM_MESSAGES.notUnique(
      verboseNameOf(metadata.targetName),
      columns.map((name) => form.field(name).label),
    );
    errors.push([columns.length === 1 ? columns[0]! : null, new ValidationError(message, 'unique')]);
  }
  return errors;
}

/**
 * The errors that explain a save's constraint `error`: the unique checks again (the other
 * row is there now), or, for a foreign key, each one the form edits whose row does not
 * exist, with Django's `ModelChoiceField` message. None for any other error.
 */
export async function violationErrors(
  form: Form,
  metadata: ModelMetadataLike,
  instance: object | null,
  error: unknown,
  source: ObjectSource<unknown>,
): Promise<FieldError[]> {
  const violation = constraintViolation(error);
  if (violation === 'unique') return uniqueErrors(form, metadata, instance, source);
  if (violation !== 'foreign-key') return [];
  const errors: FieldError[] = [];
  for (const key of metadata.foreignKeys ?? []) {
    const names = key.columns.map((column) => column.propertyName);
    if (!names.every((name) => name in form.fields && form.cleanedData[name] != null)) continue;
    const referenced = repositorySource(key.referencedEntityMetadata);
    const lookup = Object.fromEntries(
      key.referencedColumns.map((column, index) => [column.propertyName, form.cleanedData[names[index]!]]),
    );
    if (!referenced?.get || (await referenced.get(lookup))) continue;
    errors.push([
      names.length === 1 ? names[0]! : null,
      new ValidationError(FORM_MESSAGES.invalidModelChoice(), 'invalid_choice'),
    ]);
  }
  return errors;
}

/** File `errors` on `form`; the first of them, to throw. */
export function fileErrors(form: Form, errors: readonly FieldError[]): ValidationError {
  for (const [field, error] of errors) form.addError(field, error);
  return errors[0]![1];
}

function formMetadata(form: ModelForm): ModelMetadataLike {
  const metadata = (form.constructor as typeof ModelForm).metadata;
  if (!metadata) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutMetadata(form.constructor.name));
  return metadata;
}

/** The source of the entity's own repository, through its `DataSource`; `undefined` without one. */
function repositorySource<T>(metadata: ModelMetadataLike): ObjectSource<T> | undefined {
  if (!metadata.connection || metadata.target === undefined) return undefined;
  return TypeOrmSource.fromRepository(metadata.connection.getRepository(metadata.target) as RepositoryLike<T>);
}

/** Whether `a` and `b` are the same row: equal primary keys (the same object without any). */
export function samePrimaryKey(metadata: ModelMetadataLike, a: object, b: object): boolean {
  const keys = (metadata.primaryColumns ?? []).map((column) => column.propertyName);
  if (keys.length === 0) return a === b;
  return keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
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
    return new declared.field({
      ...common,
      maxLength: length > 0 ? length : undefined,
      emptyValue: column.isNullable ? null : '',
    });
  }
  // TypeORM stores a `Date`-typed column (`@Column({ type: Date })`, or a `Date` property) as `datetime`/`timestamp`.
  const type =
    column.type === Date
      ? 'datetime'
      : typeof column.type === 'function'
        ? (column.type as Function).name.toLowerCase()
        : String(column.type).toLowerCase();
  if (column.enum && column.enum.length > 0) {
    return new ChoiceField({ ...common, choices: column.enum.map((value) => [value, String(value)] as const) });
  }
  if (type === 'boolean' || type === 'bool') return new BooleanField({ ...common, required: false });
  if (type === 'number' || /^(int|integer|smallint|bigint|tinyint|mediumint|int2|int4|int8)$/.test(type))
    return new IntegerField(common);
  if (/^(float|double|real|decimal|numeric|double precision|float4|float8|dec)$/.test(type))
    return new FloatField(common);
  // TypeORM stores a column typed with the `Date` class as a date and time (datetime, timestamp).
  if (column.type === Date) return new DateTimeField(common);
  if (type === 'date') return new DateField({ ...common, asString: true });
  if (/^(datetime|timestamp|timestamptz|timestamp with time zone|timestamp without time zone|datetime2)$/.test(type))
    return new DateTimeField(common);
  const maxLength = column.length ? Number(column.length) : undefined;
  const emptyValue = column.isNullable ? null : '';
  if (/text|clob/.test(type)) return new CharField({ ...common, maxLength, emptyValue, widget: new Textarea() });
  return new CharField({ ...common, maxLength: Number.isFinite(maxLength) ? maxLength : undefined, emptyValue });
}

/**
 * `formClass` as it is, or, for a model form declared with `meta` (Django's `class Meta`),
 * that form made for its model's entity in the app serving `view` (`FormMixin.getForm()`).
 */
export function formClassForView(view: View, formClass: FormClass): FormClass {
  if (!isDeclaredModelForm(formClass)) return formClass;
  const metadata = metadataOf(repositoryOf(view, formClass.meta!.model, true));
  if (!metadata) throw new ImproperlyConfigured(MESSAGES.modelFormWithoutModel(view.constructor.name));
  return bindModelForm(formClass, metadata, formClass.name);
}

/** The repository of `model` in the app serving `view`; `undefined` without one, unless `required`. */
export function repositoryOf(view: View, model: Function, required: boolean): unknown {
  try {
    return resolveModel(view, model);
  } catch (error) {
    if (required || !(error instanceof ImproperlyConfigured)) throw error;
    return undefined;
  }
}

/** The entity metadata of a TypeORM repository or query builder, else `undefined`. */
export function metadataOf(queryset: unknown): ModelMetadataLike | undefined {
  const candidate = queryset as {
    metadata?: ModelMetadataLike;
    expressionMap?: { mainAlias?: { hasMetadata: boolean; metadata: ModelMetadataLike } };
  } | null;
  if (candidate?.metadata?.columns) return candidate.metadata;
  const main = candidate?.expressionMap?.mainAlias;
  return main?.hasMetadata ? main.metadata : undefined;
}
