import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { engineWithLater } from '../../test/utils/nunjucks.js';
import { NunjucksEngine } from './nunjucks.engine.js';

const FIXTURES = join(import.meta.dirname, '../../test/htmx/fixtures');
const engine = new NunjucksEngine({ dirs: [FIXTURES] });
const context = { object_list: [{ title: 'Dune' }, { title: '<b>' }], page_obj: { number: 3 } };

describe('NunjucksEngine partials (template#block)', () => {
  it('renders one block of a template alone, with the whole context and autoescaping', () => {
    expect(engine.render(['shelf.html#rows'], context)).toBe('<tr><td>Dune</td></tr><tr><td>&lt;b&gt;</td></tr>');
    expect(engine.render(['shelf.html#pager'], context)).toBe('page 3');
  });

  // Found at stop 35: the block ran without its template's top-level code. Rendered alone, it
  // sees what it sees in the whole page: the top-level `{% set %}`, `{% import %}`, `{% from %}`
  // and `{% macro %}` of its template and of the template it extends, and `super()`.
  it("sees its template's top-level definitions, and those of the template it extends, as in the whole page", () => {
    const shelf = { ...context, owner: '<Ann>' };
    const page = engine.render(['shelf-defs.html'], shelf) as string;
    const rows =
      'Books &amp; more: Shelf of &lt;Ann&gt;<tr><td>Dune</td></tr><td>Dune</td>[1]<tr><td>&lt;b&gt;</td></tr><td>&lt;b&gt;</td>[2]';
    expect(page).toContain(`<tbody id="rows">${rows}</tbody>`);
    expect(page).toContain('<nav>page 3 of 3</nav>');
    expect(engine.render(['shelf-defs.html#rows'], shelf)).toBe(rows);
    expect(engine.render(['shelf-defs.html#pager'], shelf)).toBe('page 3 of 3');
  });

  it('runs the definitions the whole page runs before the block, and nothing else of the page', () => {
    let touched = 0;
    const touch = () => {
      touched++;
      return '';
    };
    // The child's sets run first, then the base's up to the block: `before` is the base's, `after` the child's.
    expect(engine.render(['order-child.html'], { touch })).toBe(
      '<main>base-before/child</main><form method="post"></form>\n',
    );
    expect(touched).toBe(1);
    expect(engine.render(['order-child.html#content'], { touch })).toBe('base-before/child');
    // No text, call or include outside the block: a base layout's messages or token stay unread.
    expect(touched).toBe(1);
  });

  it('waits for asynchronous top-level code, and fails as the whole page fails', async () => {
    const later = engineWithLater([FIXTURES], (value) => `${value}!`);
    const greeting = later.render(['shelf-later.html#greet'], { owner: 'Ann' });
    expect(greeting).toBeInstanceOf(Promise);
    expect(await greeting).toBe('Hi Ann!');
    const boom = () => {
      throw new Error('boom');
    };
    expect(() => engine.render(['shelf-boom.html'], { boom })).toThrow('boom');
    expect(() => engine.render(['shelf-boom.html#greet'], { boom })).toThrow('boom');
    const failing = engineWithLater([FIXTURES], () => new Error('later failed'));
    await expect(failing.render(['shelf-later.html#greet'], { owner: 'Ann' })).rejects.toThrow('later failed');
  });

  it('places a block a child nests in another block where the parent places that one', () => {
    expect(engine.render(['nested-child.html'], {})).toBe('<main><table>[early]</table></main>');
    expect(engine.render(['nested-child.html#rows'], {})).toBe('[early]');
  });

  it("keeps the block's error when nunjucks calls back again with the text after it", () => {
    expect(() => engine.render(['rows-missing.html'], {})).toThrow('template not found: row-2.html');
    expect(() => engine.render(['rows-missing.html#items'], {})).toThrow('template not found: row-2.html');
  });

  it('refuses a template that extends itself, where the whole page runs out of stack', () => {
    expect(() => engine.render(['loop-a.html'], {})).toThrow('Maximum call stack size exceeded');
    expect(() => engine.render(['loop-a.html#x'], {})).toThrow(
      new ImproperlyConfigured(
        "The template 'loop-a.html' extends itself: 'loop-a.html' extends 'loop-b.html' extends 'loop-a.html'. Make one of them extend a template that extends none.",
      ),
    );
  });

  it('falls through to the next name when the template does not exist', () => {
    expect(engine.render(['missing.html#rows', 'shelf.html#pager'], context)).toBe('page 3');
  });

  it('refuses a block the template lacks, naming the blocks it has', () => {
    expect(() => engine.render(['shelf.html#row'], context)).toThrow(
      new ImproperlyConfigured(
        "The template 'shelf.html' has no block 'row' to render alone ('shelf.html#row'). Its blocks: 'rows', 'pager'. Wrap the part in {% block row %}…{% endblock %}, or name one of these.",
      ),
    );
  });
});
