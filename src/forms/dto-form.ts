import { createRequire } from 'node:module';
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

/** The parts of class-validator used here (an optional peer dependency, loaded on first use). */
interface ClassValidator {
  getMetadataStorage(): {
    getTargetValidationMetadatas(
      target: Function,
      schema: string,
      always: boolean,
      strictGroups: boolean,
    ): ValidationMetadataLike[];
  };
  validate(object: object): Promise<Array<{ property: string; constraints?: Record<string, string> }>>;
}

interface ValidationMetadataLike {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
}

let classValidator: ClassValidator | undefined;

function loadClassValidator(): ClassValidator {
  if (!classValidator) {
    try {
      classValidator = createRequire(import.meta.url)('class-validator') as ClassValidator;
    } catch {
      throw new ImproperlyConfigured(MESSAGES.classValidatorMissing());
    }
  }
  return classValidator;
}

/** A form validated by a class-validator DTO: `cleanedData` is an instance of the DTO. */
export class DtoForm<T extends object = Record<string, unknown>> extends Form {
  /** The DTO class. */
  static dto: new () => object;
  declare cleanedData: T & Record<string, any>;

  /**
   * Fill a DTO instance with the fields' cleaned values (optional fields left empty are
   * left out) and run class-validator on it; its messages go to fields without errors.
   */
  protected override async postClean(): Promise<void> {
    const Dto = (this.constructor as typeof DtoForm).dto;
    const instance = new Dto() as Record<string, unknown>;
    for (const [name, value] of Object.entries(this.cleanedData)) {
      if (!this.fields[name]!.required && (value === null || value === '')) continue;
      instance[name] = value;
    }
    for (const error of await loadClassValidator().validate(instance)) {
      const field = error.property in this.fields ? error.property : null;
      if (field !== null && this.errors.has(field)) continue;
      for (const message of Object.values(error.constraints ?? {}))
        this.addError(field, new ValidationError(message, 'invalid'));
    }
    if (this.errors.length === 0) this.cleanedData = instance as T & Record<string, any>;
  }
}

/**
 * A form class from a class-validator DTO (an optional peer: install `class-validator`).
 * The fields come from its decorators (`@IsEmail()`, `@IsInt()`, `@MaxLength(200)`,
 * `@IsOptional()`, `@IsIn([...])`…) and carry Django's messages; class-validator then
 * validates the typed values. Only the decorated properties are fields.
 *
 * @example
 * class ContactDto {
 *   @IsEmail() email!: string;
 *   @IsString() @MaxLength(200) subject!: string;
 * }
 * export const ContactForm = dtoForm(ContactDto);
 */
export function dtoForm<T extends object>(
  dto: new () => T,
): FormClass<DtoForm<T>> & {
  /** The DTO class the fields come from. */
  dto: {
    /** Make an instance of the DTO. */
    new (): T;
  };
} {
  const metadata = loadClassValidator().getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, ValidationMetadataLike[]>();
  for (const entry of metadata)
    byProperty.set(entry.propertyName, [...(byProperty.get(entry.propertyName) ?? []), entry]);
  if (byProperty.size === 0) throw new ImproperlyConfigured(MESSAGES.dtoWithoutDecorators(dto.name));
  const fields = Object.fromEntries([...byProperty].map(([name, entries]) => [name, fieldFor(entries)]));
  return class extends DtoForm<T> {
    static override dto = dto;
    static override fields = fields;
  } as unknown as FormClass<DtoForm<T>> & { dto: new () => T };
}

function fieldFor(entries: readonly ValidationMetadataLike[]): Field {
  const constraint = (name: string) => entries.find((entry) => entry.name === name)?.constraints;
  const has = (name: string) => entries.some((entry) => entry.name === name);
  const optional = entries.some(
    (entry) => entry.type === 'conditionalValidation' && (entry.name === 'isOptional' || entry.name === undefined),
  );
  const common = { required: !optional };
  const number = (name: string) => constraint(name)?.[0] as number | undefined;
  const choices = (constraint('isIn')?.[0] as unknown[] | undefined) ?? enumValues(constraint('isEnum')?.[0]);
  if (choices)
    return new ChoiceField({
      ...common,
      choices: choices.map((value) => [value as string | number, String(value)] as const),
    });
  if (has('isInt')) return new IntegerField({ ...common, minValue: number('min'), maxValue: number('max') });
  if (has('isNumber')) return new FloatField({ ...common, minValue: number('min'), maxValue: number('max') });
  if (has('isBoolean')) return new BooleanField({ required: false });
  if (has('isDate')) return new DateField(common);
  if (has('isDateString') || has('isIso8601')) return new DateField({ ...common, asString: true });
  const length = constraint('isLength');
  const maxLength = number('maxLength') ?? (length?.[1] as number | undefined);
  const minLength = number('minLength') ?? (length?.[0] as number | undefined);
  if (has('isEmail')) return new EmailField({ ...common, maxLength });
  return new CharField({ ...common, maxLength, minLength: minLength || undefined });
}

function enumValues(enumObject: unknown): unknown[] | undefined {
  if (!enumObject || typeof enumObject !== 'object') return undefined;
  // A numeric TypeScript enum maps names to values and values back to names.
  return Object.entries(enumObject)
    .filter(([key]) => !/^\d+$/.test(key))
    .map(([, value]) => value);
}
