import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { NunjucksEngine } from './nunjucks.engine.js';

const engine = new NunjucksEngine({ dirs: [join(import.meta.dirname, '../../test/htmx/fixtures')] });
const context = { object_list: [{ title: 'Dune' }, { title: '<b>' }], page_obj: { number: 3 } };

describe('NunjucksEngine partials (template#block)', () => {
  it('renders one block of a template alone, with the whole context and autoescaping', () => {
    expect(engine.render(['shelf.html#rows'], context)).toBe('<tr><td>Dune</td></tr><tr><td>&lt;b&gt;</td></tr>');
    expect(engine.render(['shelf.html#pager'], context)).toBe('page 3');
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
