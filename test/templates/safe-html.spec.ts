import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { CharField, Form, NunjucksEngine, SafeHtml } from '../../src/index.js';
import { Markup } from '../../src/templates/safe-html.js';

class NoteForm extends Form {
  static override fields = { title: new CharField({ maxLength: 20 }) };
}

/** The nunjucks engine over one template, `page.html`. */
function engineFor(template: string): NunjucksEngine {
  const dir = mkdtempSync(join(tmpdir(), 'safe-html-'));
  writeFileSync(join(dir, 'page.html'), template);
  return new NunjucksEngine({ dirs: [dir] });
}

describe('the safe-string marker of src/templates, adapted by the nunjucks engine', () => {
  it('prints a form and its fields as their markup, with the submitted value escaped inside', async () => {
    const form = new NoteForm({ data: { title: '<script>alert(1)</script>' } });
    expect(await form.isValid()).toBe(false);
    const html = await engineFor('{{ form.title }}|{{ form.title.errors }}').render(['page.html'], { form });
    expect(html).toBe(
      '<input type="text" name="title" value="&lt;script&gt;alert(1)&lt;/script&gt;" maxlength="20" required id="id_title" aria-invalid="true">' +
        '|<ul class="errorlist"><li>Ensure this value has at most 20 characters (it has 25).</li></ul>',
    );
  });

  it('escapes a string of the context, and leaves a Markup as it is, as Django escapes str and not SafeString', async () => {
    const html = await engineFor('{{ text }}|{{ markup }}').render(['page.html'], {
      text: '<b>bold</b>',
      markup: new Markup('<b>bold</b>'),
    });
    expect(html).toBe('&lt;b&gt;bold&lt;/b&gt;|<b>bold</b>');
  });

  it("is made one of nunjucks' SafeStrings by the engine, so a form is one too", () => {
    expect(new NoteForm()).toBeInstanceOf(SafeHtml);
    expect(new NoteForm()).toBeInstanceOf(nunjucks.runtime.SafeString);
  });
});
