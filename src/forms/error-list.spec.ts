import { describe, expect, it } from '@jest/globals';
import { CharField, EmailField } from './fields.js';
import { Form } from './form.js';
import { ValidationError } from './validation-error.js';
import { validateSlug } from './validators.js';

class PostForm extends Form {
  static override fields = {
    title: new CharField(),
    slug: new CharField({ validators: [validateSlug] }),
    email: new EmailField({ required: false }),
  };
}

describe('errors.asJson() writes what Django’s as_json() writes', () => {
  it('uses json.dumps spacing, byte for byte', async () => {
    const form = new PostForm({ data: { slug: 'ok' } });
    await form.isValid();
    expect(form.errors.asJson()).toBe('{"title": [{"message": "This field is required.", "code": "required"}]}');
  });

  it('escapes non-ASCII as \\uXXXX (lower-case hex, UTF-16 pairs) and control characters as json.dumps does', async () => {
    const form = new PostForm({ data: { title: 'x', slug: 'a b', email: 'nope' } });
    await form.isValid();
    expect(form.errors.asJson()).toBe(
      '{"slug": [{"message": "Enter a valid \\u201cslug\\u201d consisting of letters, numbers, underscores or hyphens.", "code": "invalid"}], ' +
        '"email": [{"message": "Enter a valid email address.", "code": "invalid"}]}',
    );
    form.addError(null, new ValidationError('Tab\there, "quoted" \\ back, é, 😀, \u007f, \u0001.', 'odd'));
    expect(JSON.parse(form.errors.asJson()).__all__).toEqual([
      { message: 'Tab\there, "quoted" \\ back, é, 😀, \u007f, \u0001.', code: 'odd' },
    ]);
    expect(form.errors.asJson()).toContain(
      '{"message": "Tab\\there, \\"quoted\\" \\\\ back, \\u00e9, \\ud83d\\ude00, \\u007f, \\u0001.", "code": "odd"}',
    );
  });

  it('an ErrorList has asJson() too, and an empty one is []', async () => {
    const form = new PostForm({ data: {} });
    await form.isValid();
    expect(form.errors.get('title').asJson()).toBe('[{"message": "This field is required.", "code": "required"}]');
    expect(form.errors.get('nothing').asJson()).toBe('[]');
    expect(new PostForm().errors.asJson()).toBe('{}');
  });
});
