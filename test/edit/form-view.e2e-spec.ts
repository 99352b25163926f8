import { beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { z } from 'zod';
import {
  CharField,
  ClassView,
  ClassViewsModule,
  Form,
  FormView,
  HttpResponse,
  path,
  schemaForm,
  ValidationError,
} from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

@Injectable()
class Mailer {
  readonly sent: unknown[] = [];
  async send(message: unknown) {
    this.sent.push(message);
  }
}

const ContactSchema = z.object({ email: z.email(), subject: z.string().min(1).max(200), message: z.string() });

/** The contact view, as written. */
@ClassView('contact/', { name: 'contact' })
class ContactView extends FormView {
  templateName = 'contact.html';
  formClass = schemaForm(ContactSchema);
  successUrl = '/thanks/';
  constructor(private readonly mailer: Mailer) {
    super();
  }
  override async formValid(form: Form) {
    await this.mailer.send(form.cleanedData);
    return super.formValid(form);
  }
}

/** One field, `subject`, at most 10 characters. */
class SubjectForm extends Form {
  static override fields = { subject: new CharField({ maxLength: 10 }) };
}

/** A form whose own `fullClean()` adds an error after the fields'. */
class NoSpamForm extends SubjectForm {
  override async fullClean() {
    await super.fullClean();
    if (this.cleanedData.subject === 'spam') this.addError('subject', 'No spam.');
  }
}

/** A form whose own `isValid()` also wants `confirm=yes`. */
class ConfirmedForm extends SubjectForm {
  override async isValid() {
    return (await super.isValid()) && this.data.get('confirm') === 'yes';
  }
}

/** A form whose `clean<Name>()` and `clean()` are async, a sync hook between them. */
class AsyncHooksForm extends Form {
  static override fields = { subject: new CharField(), body: new CharField({ required: false }) };
  async cleanSubject() {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.cleanedData.subject === 'late') throw new ValidationError('Too late.');
    return String(this.cleanedData.subject).toUpperCase();
  }
  cleanBody() {
    return `${this.cleanedData.subject ?? '-'}:${this.cleanedData.body}`;
  }
  override async clean() {
    await Promise.resolve();
    return { ...this.cleanedData, checked: true };
  }
}

/** Records the cleaned data of each valid form, then redirects. */
class RecordingFormView extends FormView {
  templateName = 'contact.html';
  successUrl = '/thanks/';
  static readonly valid: unknown[] = [];
  override formValid(form: Form) {
    RecordingFormView.valid.push(form.cleanedData);
    return super.formValid(form);
  }
}

/** A view whose own `getForm()` changes the form it is given: the limit is 3 characters. */
@ClassView('own-get-form/')
class OwnGetFormView extends RecordingFormView {
  formClass = SubjectForm;
  override async getForm() {
    const form = await super.getForm();
    form.fields.subject = new CharField({ maxLength: 3 });
    return form;
  }
}

/** A view whose `getForm()` gives a test double, no `Form`: it is asked through its `isValid()`. */
@ClassView('double/')
class DoubleFormView extends RecordingFormView {
  override async getForm() {
    return { isValid: async () => false } as unknown as Form;
  }
  override formInvalid() {
    return new HttpResponse('asked', { status: 422 });
  }
}

describe.each(PLATFORMS)('FormView, %s', (platform) => {
  let mailer: Mailer;

  const served = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        urlpatterns: [
          path('no-success/', FormView.asView({ templateName: 'contact.html', formClass: schemaForm(ContactSchema) })),
          path('own-full-clean/', RecordingFormView.asView({ formClass: NoSpamForm })),
          path('own-is-valid/', RecordingFormView.asView({ formClass: ConfirmedForm })),
          path('async-hooks/', RecordingFormView.asView({ formClass: AsyncHooksForm })),
        ],
      }),
    ],
    providers: [Mailer, ContactView, OwnGetFormView, DoubleFormView],
  });
  const { http } = served;
  beforeAll(async () => {
    mailer = served.app.get(Mailer);
  });

  const post = (url: string, values: Record<string, string>) =>
    http
      .post(url)
      .set(CSRF_HEADERS)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(new URLSearchParams(values).toString());

  it('shows the unbound form on GET', async () => {
    const res = await http.get('/contact/');
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<div><label for="id_email">Email:</label><input type="email" name="email" required id="id_email"></div>',
    );
  });

  it('redirects to successUrl after formValid() ran', async () => {
    const res = await post('/contact/', { email: 'ada@example.com', subject: 'Hi', message: 'Hello' });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/thanks/');
    expect(mailer.sent).toEqual([{ email: 'ada@example.com', subject: 'Hi', message: 'Hello' }]);
  });

  it('re-renders an invalid form with 200 and sends nothing', async () => {
    mailer.sent.length = 0;
    const res = await post('/contact/', { email: 'ada@example.com', subject: 'x'.repeat(201) });
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<ul class="errorlist"><li>Ensure this value has at most 200 characters (it has 201).</li></ul>',
    );
    expect(res.text).toContain(
      '<ul class="errorlist"><li>This field is required.</li></ul><input type="text" name="message" required id="id_message" aria-invalid="true">',
    );
    expect(mailer.sent).toEqual([]);
  });

  it('validates PUT like POST, and refuses PATCH with Allow: GET, POST, PUT, HEAD, OPTIONS', async () => {
    expect(
      (
        await http
          .put('/contact/')
          .set(CSRF_HEADERS)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send('email=x')
      ).status,
    ).toBe(200);
    const res = await http.patch('/contact/').set(CSRF_HEADERS);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST, PUT, HEAD, OPTIONS');
  });

  it('asks a form with its own fullClean() or isValid(), and a view with its own getForm(), through them', async () => {
    RecordingFormView.valid.length = 0;
    const spam = await post('/own-full-clean/', { subject: 'spam' });
    expect(spam.status).toBe(200);
    expect(spam.text).toContain('<ul class="errorlist"><li>No spam.</li></ul>');
    expect((await post('/own-full-clean/', { subject: 'ham' })).status).toBe(302);
    expect((await post('/own-is-valid/', { subject: 'hi' })).status).toBe(200);
    expect((await post('/own-is-valid/', { subject: 'hi', confirm: 'yes' })).status).toBe(302);
    const long = await post('/own-get-form/', { subject: 'abcd' });
    expect(long.status).toBe(200);
    expect(long.text).toContain('Ensure this value has at most 3 characters (it has 4).');
    expect((await post('/own-get-form/', { subject: 'abc' })).status).toBe(302);
    expect(RecordingFormView.valid).toEqual([{ subject: 'ham' }, { subject: 'hi' }, { subject: 'abc' }]);
    const double = await post('/double/', { subject: 'x' });
    expect([double.status, double.text]).toEqual([422, 'asked']);
  });

  it('waits for async clean<Name>() and clean() in field order, and shows what an async hook refuses', async () => {
    RecordingFormView.valid.length = 0;
    const res = await post('/async-hooks/', { subject: 'hello', body: 'text' });
    expect(res.status).toBe(302);
    expect(RecordingFormView.valid).toEqual([{ subject: 'HELLO', body: 'HELLO:text', checked: true }]);
    const late = await post('/async-hooks/', { subject: 'late', body: 'text' });
    expect(late.status).toBe(200);
    expect(late.text).toContain('<ul class="errorlist"><li>Too late.</li></ul>');
    expect(RecordingFormView.valid).toHaveLength(1);
  });

  it('fails a valid form without successUrl with Django’s message (500, nothing leaked)', async () => {
    const res = await post('/no-success/', { email: 'ada@example.com', subject: 'Hi', message: 'Hello' });
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('successUrl');
  });
});
