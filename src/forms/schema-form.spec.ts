import { describe, expect, it } from '@jest/globals';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { z } from 'zod';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { CharField } from './fields.js';
import { schemaForm } from './schema-form.js';

const ContactSchema = z.object({
  email: z.email(),
  subject: z.string().min(1).max(200),
  message: z.string(),
  copies: z.number().int().min(1).max(5).optional(),
  day: z.iso.date().optional(),
  urgent: z.boolean().default(false),
  topic: z.enum(['books', 'other']),
});
const ContactForm = schemaForm(ContactSchema);

describe('schemaForm() with zod', () => {
  it('reads the fields from the schema: widgets, limits, required', () => {
    const form = new ContactForm();
    expect(Object.keys(form.fields)).toEqual(['email', 'subject', 'message', 'copies', 'day', 'urgent', 'topic']);
    expect(form.field('email').toHtml()).toBe('<input type="email" name="email" required id="id_email">');
    expect(form.field('subject').toHtml()).toBe(
      '<input type="text" name="subject" maxlength="200" minlength="1" required id="id_subject">',
    );
    expect(form.field('copies').toHtml()).toBe('<input type="number" name="copies" min="1" max="5" id="id_copies">');
    expect(form.field('day').toHtml()).toBe('<input type="date" name="day" id="id_day">');
    expect(form.field('urgent').toHtml()).toBe('<input type="checkbox" name="urgent" id="id_urgent">');
    expect(form.field('topic').toHtml()).toContain('<option value="books">books</option>');
  });

  it('coerces the strings of a form body and gives the schema’s output as cleanedData', async () => {
    const form = new ContactForm({
      data: {
        email: 'a@example.com',
        subject: 'Hi',
        message: 'Hello',
        copies: '2',
        day: '2024-02-29',
        urgent: 'on',
        topic: 'books',
      },
    });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({
      email: 'a@example.com',
      subject: 'Hi',
      message: 'Hello',
      copies: 2,
      day: '2024-02-29',
      urgent: true,
      topic: 'books',
    });
  });

  it('leaves empty optional fields out, so the schema’s defaults apply', async () => {
    const form = new ContactForm({
      data: { email: 'a@example.com', subject: 'Hi', message: 'x', copies: '', day: '', topic: 'other' },
    });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({
      email: 'a@example.com',
      subject: 'Hi',
      message: 'x',
      urgent: false,
      topic: 'other',
    });
  });

  it('reports Django’s messages where Django has one', async () => {
    const form = new ContactForm({
      data: { email: 'nope', subject: 'x'.repeat(201), copies: '1.5', day: '2023-02-29', topic: 'cats' },
    });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({
      email: ['Enter a valid email address.'],
      subject: ['Ensure this value has at most 200 characters (it has 201).'],
      message: ['This field is required.'],
      copies: ['Enter a whole number.'],
      day: ['Enter a valid date.'],
      topic: ['Select a valid choice. cats is not one of the available choices.'],
    });
  });

  it('adds the schema’s own issues: refinements on a field, and across fields as non-field errors', async () => {
    const Schema = z
      .object({ password: z.string().refine((p) => /\d/.test(p), 'Use a digit.'), again: z.string() })
      .refine((v) => v.password === v.again, 'The passwords differ.');
    const PasswordForm = schemaForm(Schema);
    const weak = new PasswordForm({ data: { password: 'abc', again: 'abc' } });
    expect(await weak.isValid()).toBe(false);
    expect(weak.errors.toJSON()).toEqual({ password: ['Use a digit.'] });
    const differ = new PasswordForm({ data: { password: 'abc1', again: 'abc2' } });
    expect(await differ.isValid()).toBe(false);
    expect(differ.nonFieldErrors().messages).toEqual(['The passwords differ.']);
  });

  it('takes the fields by hand for a schema without JSON Schema, and explains when they are missing', async () => {
    const bare: StandardSchemaV1<unknown, { name: string }> = {
      '~standard': {
        version: 1,
        vendor: 'handmade',
        validate: (value) => {
          const name = (value as { name?: string }).name;
          return name === 'Ada' ? { value: { name } } : { issues: [{ message: 'Only Ada.', path: ['name'] }] };
        },
      },
    };
    expect(() => schemaForm(bare)).toThrow(
      new ImproperlyConfigured(
        'schemaForm() cannot read the fields of this handmade schema: it offers no JSON Schema (~standard.jsonSchema). Pass them: schemaForm(schema, { fields: { name: new CharField() } }).',
      ),
    );
    const NameForm = schemaForm(bare, { fields: { name: new CharField() } });
    const form = new NameForm({ data: { name: 'Bob' } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.get('name').messages).toEqual(['Only Ada.']);
    const ada = new NameForm({ data: { name: 'Ada' } });
    expect(await ada.isValid()).toBe(true);
    expect(ada.cleanedData.name).toBe('Ada');
  });

  it('refuses NUL characters in string fields, and a long run of digits as a number, with Django’s messages', async () => {
    const form = new ContactForm({
      data: { email: 'a@example.com', subject: 'Hi\0', message: '\0', copies: `${'1'.repeat(5000)}x`, topic: 'books' },
    });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({
      subject: ['Null characters are not allowed.'],
      message: ['Null characters are not allowed.'],
      copies: ['Enter a whole number.'],
    });
  });
});
