import { describe, expect, it } from '@jest/globals';
import {
  BooleanField,
  CharField,
  ChoiceField,
  DateField,
  DateTimeField,
  EmailField,
  FloatField,
  IntegerField,
} from './fields.js';
import { ValidationError } from './validation-error.js';
import { CheckboxInput, Textarea } from './widgets.js';
import { MultiValueDict } from './multi-value-dict.js';

/** The message `clean(value)` fails with. */
function messageOf(clean: () => unknown): string {
  try {
    clean();
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  throw new Error('Expected a ValidationError.');
}

describe('Fields', () => {
  it('CharField strips, counts characters as Django does (singular for 1), and keeps an empty value', () => {
    const field = new CharField({ maxLength: 1, required: false });
    expect(field.clean('  a  ')).toBe('a');
    expect(messageOf(() => field.clean('ab'))).toBe('Ensure this value has at most 1 character (it has 2).');
    expect(field.clean('😀')).toBe('😀');
    expect(field.clean('')).toBe('');
    expect(messageOf(() => new CharField({ minLength: 3 }).clean('ab'))).toBe(
      'Ensure this value has at least 3 characters (it has 2).',
    );
    expect(messageOf(() => new CharField().clean({ nested: 'x' }))).toBe('Enter a valid value.');
  });

  it('IntegerField takes "42", " 7 ", "3.0" and 5; refuses "1e3", "2.5", "0x10" with "Enter a whole number."', () => {
    const field = new IntegerField({ minValue: 0, maxValue: 100 });
    expect([field.clean('42'), field.clean(' 7 '), field.clean('3.0'), field.clean(5)]).toEqual([42, 7, 3, 5]);
    for (const bad of ['1e3', '2.5', '0x10', 'abc', '9'.repeat(20)])
      expect(messageOf(() => field.clean(bad))).toBe('Enter a whole number.');
    expect(messageOf(() => field.clean('101'))).toBe('Ensure this value is less than or equal to 100.');
    expect(messageOf(() => field.clean('-1'))).toBe('Ensure this value is greater than or equal to 0.');
    expect(messageOf(() => field.clean(''))).toBe('This field is required.');
  });

  it('FloatField takes decimals and exponents; refuses the rest with "Enter a number."', () => {
    const field = new FloatField();
    expect([field.clean('2.5'), field.clean('.5'), field.clean('1e3')]).toEqual([2.5, 0.5, 1000]);
    expect(messageOf(() => field.clean('Infinity'))).toBe('Enter a number.');
  });

  it('DateField takes real calendar days only, as a Date at UTC midnight or as the string', () => {
    expect(new DateField().clean('2024-02-29')).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(new DateField({ asString: true }).clean('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', 'today']) {
      expect(messageOf(() => new DateField().clean(bad))).toBe('Enter a valid date.');
    }
  });

  it('DateTimeField takes what datetime-local sends, with or without seconds', () => {
    const field = new DateTimeField();
    expect(field.clean('2024-02-29T13:45')).toEqual(new Date(Date.UTC(2024, 1, 29, 13, 45)));
    expect(field.clean('2024-02-29 13:45:10')).toEqual(new Date(Date.UTC(2024, 1, 29, 13, 45, 10)));
    expect(messageOf(() => field.clean('2024-02-29T25:00'))).toBe('Enter a valid date/time.');
  });

  it('EmailField refuses what is not an address', () => {
    expect(new EmailField().clean(' ada@example.com ')).toBe('ada@example.com');
    for (const bad of ['ada', 'ada@', '@example.com', 'a b@example.com', 'ada@example']) {
      expect(messageOf(() => new EmailField().clean(bad))).toBe('Enter a valid email address.');
    }
  });

  it('BooleanField: required means ticked; "false" and "0" are unticked', () => {
    expect(messageOf(() => new BooleanField().clean('false'))).toBe('This field is required.');
    expect(new BooleanField({ required: false }).clean('0')).toBe(false);
    expect(new BooleanField().clean('on')).toBe(true);
    const checkbox = new CheckboxInput();
    expect(checkbox.valueFromData(new MultiValueDict({}), 'x')).toBe(false);
    expect(checkbox.valueFromData(new MultiValueDict({ x: 'false' }), 'x')).toBe(false);
    expect(checkbox.valueFromData(new MultiValueDict({ x: ['false', 'on'] }), 'x')).toBe(true);
  });

  it('ChoiceField cleans to the choice’s own value and quotes a wrong one', () => {
    const field = new ChoiceField({
      choices: [
        [1, 'One'],
        [2, 'Two'],
      ],
    });
    expect(field.clean('2')).toBe(2);
    expect(messageOf(() => field.clean('3'))).toBe('Select a valid choice. 3 is not one of the available choices.');
  });

  it('refuses NUL characters in text fields with Django’s message', () => {
    for (const field of [
      new CharField(),
      new CharField({ strip: false, maxLength: 5 }),
      new CharField({ widget: new Textarea() }),
    ]) {
      expect(messageOf(() => field.clean('a\0b'))).toBe('Null characters are not allowed.');
    }
    expect(messageOf(() => new CharField().clean(' \0 '))).toBe('Null characters are not allowed.');
    expect(messageOf(() => new CharField({ required: false }).clean('\0'))).toBe('Null characters are not allowed.');
  });

  it('DateField and DateTimeField read the years 1 to 9999 as written, and refuse year 0', () => {
    const date = (year: number, month: number, day: number, ...time: number[]) => {
      const value = new Date(Date.UTC(2000, 0, 1, ...(time as [])));
      value.setUTCFullYear(year, month - 1, day);
      return value;
    };
    expect(new DateField().clean('0001-01-01')).toEqual(date(1, 1, 1));
    expect(new DateField().clean('0050-06-15')).toEqual(date(50, 6, 15));
    expect((new DateField().clean('0050-06-15') as Date).getUTCFullYear()).toBe(50);
    expect(new DateField().clean('9999-12-31')).toEqual(date(9999, 12, 31));
    expect(new DateField({ asString: true }).clean('0050-06-15')).toBe('0050-06-15');
    expect(new DateField().widget.formatValue(new DateField().clean('0050-06-15'))).toBe('0050-06-15');
    for (const field of [new DateField(), new DateField({ asString: true })])
      expect(messageOf(() => field.clean('0000-01-01'))).toBe('Enter a valid date.');
    expect(messageOf(() => new DateField().clean('0004-02-30'))).toBe('Enter a valid date.');
    expect(new DateField().clean('0004-02-29')).toEqual(date(4, 2, 29));
    expect(new DateTimeField().clean('0050-06-15T10:30')).toEqual(date(50, 6, 15, 10, 30));
    expect(new DateTimeField().clean('0001-01-01 00:00:00')).toEqual(date(1, 1, 1));
    expect(messageOf(() => new DateTimeField().clean('0000-01-01T00:00'))).toBe('Enter a valid date/time.');
  });

  it('number fields parse long runs of digits as Django does', () => {
    expect(new FloatField().clean('1.' + '0'.repeat(1000) + '1')).toBe(1);
    expect(new FloatField().clean('-.5e-3')).toBe(-0.0005);
    expect(new FloatField().clean('7.')).toBe(7);
    for (const bad of ['1'.repeat(400) + 'x', '1.2.3', '.', 'e5', '1e', '+-1', '1e5.5', '1'.repeat(400)])
      expect([bad.slice(-5), messageOf(() => new FloatField().clean(bad))]).toEqual([bad.slice(-5), 'Enter a number.']);
    expect([new IntegerField().clean('-0012.000'), new IntegerField().clean('7.')]).toEqual([-12, 7]);
    for (const bad of ['1'.repeat(400) + 'x', '1.01', '.0', '1'.repeat(400)])
      expect(messageOf(() => new IntegerField().clean(bad))).toBe('Enter a whole number.');
  });

  it('refuses a value of the wrong shape (an object or a deeply nested array) with the field’s own message', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(messageOf(() => new CharField().clean(deep))).toBe('Enter a valid value.');
    expect(messageOf(() => new IntegerField().clean(deep))).toBe('Enter a whole number.');
    expect(messageOf(() => new FloatField().clean({ a: 1 }))).toBe('Enter a number.');
    expect(messageOf(() => new DateField().clean(deep))).toBe('Enter a valid date.');
    expect(messageOf(() => new DateTimeField().clean(deep))).toBe('Enter a valid date/time.');
    expect(messageOf(() => new ChoiceField({ choices: [[1, 'One']] }).clean(deep))).toBe(
      'Select a valid choice.  is not one of the available choices.',
    );
    for (const field of [
      new CharField(),
      new IntegerField(),
      new ChoiceField({ choices: [[1, 'One']] }),
      new DateField(),
      new BooleanField(),
    ]) {
      expect(() => field.widget.render('x', deep)).not.toThrow();
      expect(() => field.hasChanged('', deep)).not.toThrow();
    }
  });

  it('uses errorMessages by code', () => {
    expect(messageOf(() => new CharField({ errorMessages: { required: 'Name, please.' } }).clean(''))).toBe(
      'Name, please.',
    );
  });
});
