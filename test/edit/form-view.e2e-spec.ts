import { beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { z } from 'zod';
import { ClassView, ClassViewsModule, type Form, FormView, path, schemaForm } from '../../src/index.js';
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

describe.each(PLATFORMS)('FormView, %s', (platform) => {
  let mailer: Mailer;

  const served = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        urlpatterns: [
          path('no-success/', FormView.asView({ templateName: 'contact.html', formClass: schemaForm(ContactSchema) })),
        ],
      }),
    ],
    providers: [Mailer, ContactView],
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

  it('fails a valid form without successUrl with Django’s message (500, nothing leaked)', async () => {
    const res = await post('/no-success/', { email: 'ada@example.com', subject: 'Hi', message: 'Hello' });
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('successUrl');
  });
});
