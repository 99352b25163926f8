export { Form, type FormOptions, type FormClass } from './form.js';
export { BoundField, prettyName } from './bound-field.js';
export {
  Field,
  type FieldOptions,
  CharField,
  type CharFieldOptions,
  EmailField,
  IntegerField,
  FloatField,
  type NumberFieldOptions,
  DateField,
  type DateFieldOptions,
  DateTimeField,
  BooleanField,
  ChoiceField,
  MultipleChoiceField,
  type ChoiceFieldOptions,
} from './fields.js';
export { SlugField, type SlugFieldOptions, URLField, RegexField } from './text-fields.js';
export {
  type Validator,
  CallableValidator,
  RegexValidator,
  type RegexValidatorOptions,
  validateSlug,
  validateUnicodeSlug,
  ProhibitNullCharactersValidator,
  BaseValidator,
  type Limit,
  MaxValueValidator,
  MinValueValidator,
  MinLengthValidator,
  MaxLengthValidator,
} from './validators.js';
export { EmailValidator, type EmailValidatorOptions, validateEmail } from './email.validator.js';
export { URLValidator, type URLValidatorOptions } from './url.validator.js';
export {
  Widget,
  Input,
  TextInput,
  NumberInput,
  EmailInput,
  URLInput,
  DateInput,
  DateTimeInput,
  HiddenInput,
  Textarea,
  CheckboxInput,
  Select,
  SelectMultiple,
  type Choice,
} from './widgets.js';
export { ErrorList, ErrorDict, NON_FIELD_ERRORS, type ErrorData } from './error-list.js';
export { ValidationError, type ValidationParams } from './validation-error.js';
export { MultiValueDict, type FormInput } from './multi-value-dict.js';
export { FORM_MESSAGES } from './forms.messages.js';
export { escapeHtml, type HtmlAttributes } from './html.js';
export { SafeHtml } from '../templates/safe-html.js';
export {
  ModelForm,
  type ModelFormClass,
  modelFormFor,
  bindModelForm,
  fieldForColumn,
  checkModelFields,
  ALL_FIELDS,
  type ModelFormFields,
  type ModelFormFieldsOf,
  type ModelMetadataLike,
  type ColumnMetadataLike,
} from './model-form.js';
export { FormField, type FormFieldSpec, type FormFieldClass } from './form-field.decorator.js';
export { schemaForm, SchemaForm, type SchemaFormOptions } from './schema-form.js';
export { dtoForm, DtoForm } from './dto-form.js';
