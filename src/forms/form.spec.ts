import { describe, expect, it } from '@jest/globals';
import nunjucks from 'nunjucks';
// Loading the engine adapts the forms' SafeHtml to nunjucks' SafeString.
import '../templates/nunjucks.engine.js';
import { QueryDict } from '../http/query-dict.js';
import {
  BooleanField,
  CharField,
  ChoiceField,
  DateField,
  EmailField,
  IntegerField,
  MultipleChoiceField,
} from './fields.js';
import { Form, IS_VALID_NOW } from './form.js';
import { ValidationError } from './validation-error.js';
import { HiddenInput, Textarea } from './widgets.js';

class ContactForm extends Form {
  static override fields = {
    subject: new CharField({ maxLength: 20, helpText: 'Keep it short.' }),
    email: new EmailField(),
    copies: new IntegerField({ required: false, minValue: 1 }),
    message: new CharField({ widget: new Textarea(), required: false }),
    subscribe: new BooleanField({ required: false }),
  };
}

const env = new nunjucks.Environment(null, { autoescape: true });

describe('Form', () => {
  it('is unbound without data: not valid, no errors, the initial values shown', async () => {
    const form = new ContactForm({ initial: { subject: 'Hi <b>' } });
    expect(form.isBound).toBe(false);
    expect(await form.isValid()).toBe(false);
    expect(form.errors.length).toBe(0);
    expect(String(form.field('subject'))).toBe(
      '<input type="text" name="subject" value="Hi &lt;b&gt;" maxlength="20" required id="id_subject" aria-describedby="id_subject_helptext">',
    );
  });

  it('cleans and coerces string values from a form body', async () => {
    const form = new ContactForm({
      data: { subject: '  Hello ', email: 'a@example.com', copies: '3', subscribe: 'on' },
    });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({
      subject: 'Hello',
      email: 'a@example.com',
      copies: 3,
      message: '',
      subscribe: true,
    });
  });

  it('reports Django’s messages per field, as_json() shape included', async () => {
    const form = new ContactForm({ data: { subject: 'x'.repeat(21), email: 'nope', copies: '2.5' } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({
      subject: ['Ensure this value has at most 20 characters (it has 21).'],
      email: ['Enter a valid email address.'],
      copies: ['Enter a whole number.'],
    });
    expect(JSON.parse(form.errors.asJson()).email).toEqual([
      { message: 'Enter a valid email address.', code: 'invalid' },
    ]);
    expect(form.cleanedData).toEqual({ message: '', subscribe: false });
  });

  it('says "This field is required." for a missing value', async () => {
    const form = new ContactForm({ data: {} });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.get('subject').messages).toEqual(['This field is required.']);
    expect(form.errors.get('email').messages).toEqual(['This field is required.']);
  });

  it('takes the last of repeated keys, from a QueryDict or a body parser’s array', async () => {
    const fromQuery = new ContactForm({ data: QueryDict.parse('subject=a&subject=b&email=x%40y.org') });
    const fromBody = new ContactForm({ data: { subject: ['a', 'b'], email: 'x@y.org' } });
    for (const form of [fromQuery, fromBody]) {
      expect(await form.isValid()).toBe(true);
      expect(form.cleanedData.subject).toBe('b');
    }
  });

  it('reads only the data’s own keys, as they were when the form was bound', async () => {
    const body: Record<string, unknown> = JSON.parse(
      '{"subject": "Hi", "email": "a@b.co", "__proto__": "x", "message": {"0": "a", "1": "b"}, "copies": []}',
    );
    const form = new ContactForm({ data: body });
    body.subject = 'changed';
    body.subscribe = 'on';
    expect(form.data.get('__proto__')).toBe('x');
    expect(form.data.has('constructor')).toBe(false);
    expect(form.data.get('constructor')).toBeUndefined();
    expect(form.data.getList('toString')).toEqual([]);
    expect(form.data.getList('message')).toEqual(['a', 'b']);
    expect(form.data.get('copies')).toBeUndefined();
    expect(form.data.toJSON()).toEqual({ subject: 'Hi', email: 'a@b.co', ['__proto__']: 'x', message: 'b' });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({ subject: 'Hi', email: 'a@b.co', copies: null, message: 'b', subscribe: false });
    expect(new ContactForm({ data: {} }).data.toJSON()).toEqual({});
  });

  it('waits for what postClean() returns only when it is a thenable, as await does', async () => {
    const data = { subject: 'Hi', email: 'a@b.co' };
    class Odd extends ContactForm {
      protected override postClean() {
        return 1 as unknown as void;
      }
    }
    expect(await new Odd({ data }).isValid()).toBe(true);
    expect(new Odd({ data })[IS_VALID_NOW]()).toBe(true);
    class Late extends ContactForm {
      protected override postClean() {
        const form = this;
        return {
          // biome-ignore lint/suspicious/noThenProperty: a thenable that is no promise, whose then() returns nothing, is what is tested
          then(resolve: () => void) {
            form.addError('subject', 'Checked late.');
            resolve();
          },
        } as unknown as Promise<void>;
      }
    }
    expect(await new Late({ data }).isValid()).toBe(false);
    const late = new Late({ data });
    const now = late[IS_VALID_NOW]();
    expect(now).toBeInstanceOf(Promise);
    expect(await now).toBe(false);
    expect(late.errors.toJSON()).toEqual({ subject: ['Checked late.'] });
    expect(new ContactForm({ data })[IS_VALID_NOW]()).toBe(true);
  });

  it('reads every value of a repeated key for a multiple choice (getList), from a body or a QueryDict', async () => {
    class Tags extends Form {
      static override fields = {
        tags: new MultipleChoiceField({
          choices: [
            ['sf', 'SF'],
            ['fantasy', 'Fantasy'],
            ['poetry', 'Poetry'],
          ],
        }),
      };
    }
    const fromBody = new Tags({ data: { tags: ['sf', 'poetry'] } });
    expect(await fromBody.isValid()).toBe(true);
    expect(fromBody.cleanedData.tags).toEqual(['sf', 'poetry']);
    expect(fromBody.field('tags').toHtml()).toBe(
      '<select name="tags" required id="id_tags" multiple>\n  <option value="sf" selected>SF</option>\n  <option value="fantasy">Fantasy</option>\n  <option value="poetry" selected>Poetry</option>\n</select>',
    );
    const one = new Tags({ data: QueryDict.parse('tags=fantasy') });
    expect(await one.isValid()).toBe(true);
    expect(one.cleanedData.tags).toEqual(['fantasy']);
    const wrong = new Tags({ data: { tags: ['sf', 'horror'] } });
    expect(await wrong.isValid()).toBe(false);
    expect(wrong.errors.get('tags').messages).toEqual([
      'Select a valid choice. horror is not one of the available choices.',
    ]);
    const none = new Tags({ data: {} });
    expect(await none.isValid()).toBe(false);
    expect(none.errors.get('tags').messages).toEqual(['This field is required.']);
  });

  it('takes typed JSON values as they are', async () => {
    const form = new ContactForm({ data: { subject: 'Hi', email: 'a@b.co', copies: 4, subscribe: false } });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toMatchObject({ copies: 4, subscribe: false });
  });

  it('files what clean() throws under the non-field errors, rendered with class "nonfield"', async () => {
    class Checked extends ContactForm {
      override clean() {
        if (this.cleanedData.subscribe && !this.cleanedData.copies) throw new ValidationError('Say how many copies.');
      }
    }
    const form = new Checked({ data: { subject: 'Hi', email: 'a@b.co', subscribe: 'on' } });
    expect(await form.isValid()).toBe(false);
    expect(form.nonFieldErrors().toHtml()).toBe('<ul class="errorlist nonfield"><li>Say how many copies.</li></ul>');
  });

  it('runs each field’s clean<Name>() after the field, in field order, before clean(); its result replaces the value', async () => {
    const calls: string[] = [];
    class Hooked extends ContactForm {
      cleanSubject() {
        calls.push(`cleanSubject(${this.cleanedData.subject})`);
        return String(this.cleanedData.subject).toUpperCase();
      }
      async cleanEmail() {
        calls.push(`cleanEmail(subject=${this.cleanedData.subject})`);
        return String(this.cleanedData.email).toLowerCase();
      }
      override clean() {
        calls.push(`clean(${this.cleanedData.subject}, ${this.cleanedData.email})`);
      }
    }
    const form = new Hooked({ data: { subject: 'hi', email: 'A@B.CO' } });
    expect(await form.isValid()).toBe(true);
    expect(calls).toEqual(['cleanSubject(hi)', 'cleanEmail(subject=HI)', 'clean(HI, a@b.co)']);
    expect(form.cleanedData).toMatchObject({ subject: 'HI', email: 'a@b.co' });
  });

  it('files a ValidationError from clean<Name>() under that field, and skips the hook of a field that failed', async () => {
    let emailHookRan = false;
    class Hooked extends ContactForm {
      cleanSubject(): string {
        throw new ValidationError('No shouting.', 'shouting');
      }
      cleanEmail() {
        emailHookRan = true;
        return this.cleanedData.email;
      }
    }
    const form = new Hooked({ data: { subject: 'HI', email: 'not an address' } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({ subject: ['No shouting.'], email: ['Enter a valid email address.'] });
    expect(form.hasError('subject', 'shouting')).toBe(true);
    expect(form.cleanedData).not.toHaveProperty('subject');
    expect(emailHookRan).toBe(false);
  });

  it('renders Django 5’s div layout, escaping submitted values and messages', async () => {
    class Small extends Form {
      static override fields = {
        name: new CharField({ maxLength: 3 }),
        token: new CharField({ widget: new HiddenInput(), required: false }),
      };
    }
    const form = new Small({ data: { name: '<script>', token: 't"1' } });
    await form.isValid();
    expect(form.asDiv()).toBe(
      '<div><label for="id_name">Name:</label>' +
        '<ul class="errorlist"><li>Ensure this value has at most 3 characters (it has 8).</li></ul>' +
        '<input type="text" name="name" value="&lt;script&gt;" maxlength="3" required id="id_name" aria-invalid="true">' +
        '<input type="hidden" name="token" value="t&quot;1" id="id_token"></div>',
    );
    // nunjucks prints the form as it renders itself, without escaping its markup again.
    expect(env.renderString('{{ form }}', { form })).toBe(form.asDiv());
    expect(
      env.renderString('{{ form.name.label_tag() }}|{{ form.name.html_name }}|{{ form.name.errors }}', { form }),
    ).toBe(
      '<label for="id_name">Name:</label>|name|<ul class="errorlist"><li>Ensure this value has at most 3 characters (it has 8).</li></ul>',
    );
    expect(
      env.renderString(
        '{% for field in form %}[{{ field.name }}]{% endfor %}{% if form.name.errors.length %}!{% endif %}',
        { form },
      ),
    ).toBe('[name][token]!');
  });

  it('renders each widget: textarea, checkbox, number, date, select; prefixes names and ids', () => {
    class Widgets extends Form {
      static override fields = {
        body: new CharField({ widget: new Textarea() }),
        ok: new BooleanField(),
        n: new IntegerField({ minValue: 0, maxValue: 9 }),
        day: new DateField({ label: 'Day of <week>' }),
        colour: new ChoiceField({
          choices: [
            ['r', 'Red'],
            ['g', 'Green & blue'],
          ],
        }),
      };
    }
    const form = new Widgets({
      prefix: 'w',
      initial: { body: 'a<b', ok: true, n: 3, day: new Date(Date.UTC(2024, 1, 29)), colour: 'g' },
    });
    expect(form.field('body').toHtml()).toBe(
      '<textarea name="w-body" cols="40" rows="10" required id="id_w-body">\na&lt;b</textarea>',
    );
    expect(form.field('ok').toHtml()).toBe('<input type="checkbox" name="w-ok" required id="id_w-ok" checked>');
    expect(form.field('n').toHtml()).toBe(
      '<input type="number" name="w-n" value="3" min="0" max="9" required id="id_w-n">',
    );
    expect(form.field('day').toHtml()).toBe(
      '<input type="date" name="w-day" value="2024-02-29" required id="id_w-day">',
    );
    expect(form.field('day').labelTag().toHtml()).toBe('<label for="id_w-day">Day of &lt;week&gt;:</label>');
    expect(form.field('colour').toHtml()).toBe(
      '<select name="w-colour" required id="id_w-colour">\n  <option value="r">Red</option>\n  <option value="g" selected>Green &amp; blue</option>\n</select>',
    );
  });

  it('tells what changed from the initial values', () => {
    const form = new ContactForm({
      initial: { subject: 'Hi', email: 'a@b.co' },
      data: { subject: 'Hi', email: 'c@d.co' },
    });
    expect(form.changedData).toEqual(['email']);
    expect(form.hasChanged()).toBe(true);
    expect(new ContactForm({ initial: { subject: 'Hi' }, data: { subject: 'Hi' } }).hasChanged()).toBe(false);
  });

  it('exposes fields named like String methods as fields', () => {
    class Search extends Form {
      static override fields = { search: new CharField(), link: new CharField() };
    }
    const form = new Search() as Search & Record<string, unknown>;
    expect(String(form.search)).toContain('name="search"');
  });
});
