import { describe, expect, it } from '@jest/globals';
import { BooleanField, CharField, ChoiceField, DateField, DateTimeField, EmailField, FloatField, IntegerField } from './fields.js';
import { ValidationError } from './validation-error.js';
import { CheckboxInput } from './widgets.js';
import { FormData } from './form-data.js';

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
    expect(messageOf(() => new CharField({ minLength: 3 }).clean('ab'))).toBe('Ensure this value has at least 3 characters (it has 2).');
    expect(messageOf(() => new CharField().clean({ nested: 'x' }))).toBe('Enter a valid value.');
  });

  it('IntegerField takes "42", " 7 ", "3.0" and 5; refuses "1e3", "2.5", "0x10" with "Enter a whole number."', () => {
    const field = new IntegerField({ minValue: 0, maxValue: 100 });
    expect([field.clean('42'), field.clean(' 7 '), field.clean('3.0'), field.clean(5)]).toEqual([42, 7, 3, 5]);
    for (const bad of ['1e3', '2.5', '0x10', 'abc', '9'.repeat(20)]) expect(messageOf(() => field.clean(bad))).toBe('Enter a whole number.');
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
    expect(checkbox.valueFromData(new FormData({}), 'x')).toBe(false);
    expect(checkbox.valueFromData(new FormData({ x: 'false' }), 'x')).toBe(false);
    expect(checkbox.valueFromData(new FormData({ x: ['false', 'on'] }), 'x')).toBe(true);
  });

  it('ChoiceField cleans to the choice’s own value and quotes a wrong one', () => {
    const field = new ChoiceField({ choices: [[1, 'One'], [2, 'Two']] });
    expect(field.clean('2')).toBe(2);
    expect(messageOf(() => field.clean('3'))).toBe('Select a valid choice. 3 is not one of the available choices.');
  });

  it('uses errorMessages by code', () => {
    expect(messageOf(() => new CharField({ errorMessages: { required: 'Name, please.' } }).clean(''))).toBe('Name, please.');
  });
});
