import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import {
  CharField,
  ChoiceField,
  ClassViewsModule,
  DateField,
  DateTimeField,
  Form,
  FormView,
  HttpResponse,
  IntegerField,
  JsonResponse,
  JsonResponseMixin,
  MultipleChoiceField,
  path,
  SlugField,
  Textarea,
} from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

class EventForm extends Form {
  static override fields = {
    title: new CharField({ maxLength: 50 }),
    notes: new CharField({ widget: new Textarea(), required: false }),
    slug: new SlugField({ required: false }),
    seats: new IntegerField({ required: false }),
    kind: new ChoiceField({
      choices: [
        ['talk', 'Talk'],
        ['workshop', 'Workshop'],
      ],
      required: false,
    }),
    tags: new MultipleChoiceField({
      choices: [
        ['a', 'A'],
        ['b', 'B'],
      ],
      required: false,
    }),
    day: new DateField({ required: false }),
    starts: new DateTimeField({ required: false }),
  };
}

/** The page again for an invalid form; the cleaned values as JSON for a valid one. */
class EventView extends FormView {
  override templateName = 'contact.html';
  override formClass = EventForm;
  override formValid(form: Form) {
    return new JsonResponse({ cleaned: form.cleanedData });
  }
}

class EventApiView extends JsonResponseMixin(EventView) {
  override formValid(form: Form): HttpResponse {
    return new JsonResponse({ cleaned: form.cleanedData });
  }
}

/** `value` inside `depth` arrays, or objects when `objects`. */
function nested(depth: number, objects = false): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = objects ? { a: value } : [value];
  return value;
}

describe.each(PLATFORMS)('hostile field values to a form view, on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, '..', 'edit', 'fixtures')] },
        urlpatterns: [path('events/', EventView.asView()), path('api/events/', EventApiView.asView())],
      }),
    ],
  });

  const postJson = (url: string, body: unknown) =>
    http.post(url).set(CSRF_HEADERS).set('Content-Type', 'application/json').send(JSON.stringify(body));

  it.each([
    ['arrays', false],
    ['objects', true],
  ])(
    'a value nested 4,000 levels deep (%s) re-renders the HTML page with the field’s message, not a 500',
    async (_label, objects) => {
      const deep = nested(4000, objects as boolean);
      // Under Express' 100 kB body limit: objects take five bytes a level.
      const body = objects
        ? { title: deep, notes: deep, seats: deep, tags: [deep] }
        : { title: deep, notes: deep, slug: deep, seats: deep, kind: deep, tags: [deep], day: deep, starts: deep };
      const res = await postJson('/events/', body);
      expect(res.status).toBe(200);
      expect(res.text).toContain(
        '<ul class="errorlist"><li>Enter a valid value.</li></ul><input type="text" name="title" maxlength="50" required id="id_title" aria-invalid="true">',
      );
      expect(res.text).toContain(
        '<ul class="errorlist"><li>Enter a whole number.</li></ul><input type="number" name="seats" id="id_seats" aria-invalid="true">',
      );
      expect(res.text).toContain(
        '<textarea name="notes" cols="40" rows="10" id="id_notes" aria-invalid="true">\n</textarea>',
      );
      expect(res.text).toContain(
        '<li>Select a valid choice.  is not one of the available choices.</li></ul><select name="tags"',
      );
      if (!objects) {
        expect(res.text).toContain('<li>Enter a valid date.</li>');
        expect(res.text).toContain('<li>Enter a valid date/time.</li>');
        expect(res.text).toContain(
          '<li>Select a valid choice.  is not one of the available choices.</li></ul><select name="kind"',
        );
      }
    },
  );

  it('a value nested 4,000 levels deep gets a JSON client 422 with the field’s message', async () => {
    const deep = nested(4000);
    const res = await postJson('/api/events/', { title: deep, seats: deep, day: deep });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      errors: { title: ['Enter a valid value.'], seats: ['Enter a whole number.'], day: ['Enter a valid date.'] },
    });
  });

  it('refuses NUL characters in text fields, from a form body and from JSON', async () => {
    const form = await http.post('/events/').set(CSRF_HEADERS).type('form').send('title=a%00b&notes=%00&slug=ok');
    expect(form.status).toBe(200);
    expect(form.text).toContain(
      '<ul class="errorlist"><li>Null characters are not allowed.</li></ul><input type="text" name="title"',
    );
    expect(form.text).toContain(
      '<ul class="errorlist"><li>Null characters are not allowed.</li></ul><textarea name="notes"',
    );
    const json = await postJson('/api/events/', { title: 'a\u0000b', slug: 'a\u0000' });
    expect(json.status).toBe(422);
    expect(json.body).toEqual({
      errors: {
        title: ['Null characters are not allowed.'],
        slug: [
          'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.',
          'Null characters are not allowed.',
        ],
      },
    });
  });

  it('stores the years 1 to 9999 as written and refuses year 0 with "Enter a valid date."', async () => {
    for (const [day, starts] of [
      ['0001-01-01', '0001-01-01T00:00'],
      ['0050-06-15', '0050-06-15T12:30'],
      ['9999-12-31', '9999-12-31T23:59'],
    ] as const) {
      const res = await postJson('/api/events/', { title: 'x', day, starts });
      expect(res.status).toBe(200);
      expect(res.body.cleaned.day).toBe(`${day}T00:00:00.000Z`);
      expect(res.body.cleaned.starts).toBe(`${starts}:00.000Z`);
    }
    const zero = await postJson('/api/events/', { title: 'x', day: '0000-01-01', starts: '0000-01-01T00:00' });
    expect(zero.status).toBe(422);
    expect(zero.body).toEqual({ errors: { day: ['Enter a valid date.'], starts: ['Enter a valid date/time.'] } });
    const page = await http.post('/events/').set(CSRF_HEADERS).type('form').send('title=&day=0050-06-15');
    expect(page.text).toContain('<input type="date" name="day" value="0050-06-15" id="id_day">');
  });
});
