import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { TemplateDoesNotExist } from '../exceptions/template-does-not-exist.exception.js';
import { TemplateView } from '../views/template.view.js';
import { RoutePattern } from '../urls/route-pattern.js';
import { UrlResolver } from '../urls/url-resolver.js';
import { engineWithLater } from '../../test/utils/nunjucks.js';
import { NunjucksEngine } from './nunjucks.engine.js';
import type { TemplateEngine } from './template-engine.interface.js';
import { TemplateEngines } from './template-engines.js';
import { TemplateResponse } from './template-response.js';

describe('Template engines', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cv-templates-'));
    writeFileSync(join(dir, 'hello.html'), 'Hello {{ who }}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names every template tried when none exists, as Django does', async () => {
    const engines = new TemplateEngines(new UrlResolver(), { templates: { dirs: [dir] } });
    const rendering = engines.render(['missing.html', 'also/missing.html'], {});
    await expect(rendering).rejects.toThrow(TemplateDoesNotExist);
    await expect(engines.render(['missing.html', 'also/missing.html'], {})).rejects.toThrow(
      'missing.html, also/missing.html',
    );
  });

  it('lists every folder searched, absolute, so a template missing from dist/ is found quickly', async () => {
    const other = join(dir, 'other');
    const engines = new TemplateEngines(new UrlResolver(), { templates: { dirs: [dir, other] } });
    await expect(engines.render(['missing.html'], {})).rejects.toThrow(
      new TemplateDoesNotExist(['missing.html'], [dir, other]),
    );
    await expect(engines.render(['missing.html'], {})).rejects.toThrow(`missing.html. Searched in: ${dir}, ${other}.`);
  });

  it('keeps Django’s message, the names alone, for an engine that reads no folders', () => {
    expect(new TemplateDoesNotExist(['a.txt', 'b.txt']).message).toBe('a.txt, b.txt');
  });

  it('says that no template folder is configured when templates.dirs is empty', async () => {
    const engines = new TemplateEngines(new UrlResolver(), {});
    await expect(engines.render(['about.html'], {})).rejects.toThrow(
      'about.html. No template folder is configured: list one in ClassViewsModule.forRoot({ templates: { dirs } }).',
    );
  });

  it('refuses an engine name that is not configured, naming the configured ones', async () => {
    const engines = new TemplateEngines(new UrlResolver(), { templates: { dirs: [dir] } });
    await expect(engines.render(['hello.html'], {}, undefined, 'jinja')).rejects.toThrow(
      new ImproperlyConfigured("No template engine named 'jinja'. Configured engines: 'nunjucks'."),
    );
  });

  it('escapes values by default', async () => {
    const engine = new NunjucksEngine({ dirs: [dir] });
    expect(await engine.render(['hello.html'], { who: '<b>&' })).toBe('Hello &lt;b&gt;&amp;');
  });

  it('reloads an edited template when the cache is off (development)', async () => {
    const engine = new NunjucksEngine({ dirs: [dir], cache: false });
    expect(await engine.render(['hello.html'], { who: 'a' })).toBe('Hello a');
    writeFileSync(join(dir, 'hello.html'), 'Bye {{ who }}');
    expect(await engine.render(['hello.html'], { who: 'a' })).toBe('Bye a');
  });

  it('keeps the compiled template when the cache is on (production)', async () => {
    const engine = new NunjucksEngine({ dirs: [dir], cache: true });
    expect(await engine.render(['hello.html'], { who: 'a' })).toBe('Hello a');
    writeFileSync(join(dir, 'hello.html'), 'Bye {{ who }}');
    expect(await engine.render(['hello.html'], { who: 'a' })).toBe('Hello a');
  });

  it('returns the text itself when nunjucks has it at once, and a promise with an asynchronous filter', async () => {
    writeFileSync(join(dir, 'later.html'), '{{ who | later }}');
    writeFileSync(join(dir, 'boom.html'), '{{ boom() }}');
    const engine = engineWithLater([dir], (value) => `${value}!`);
    expect(engine.render(['hello.html'], { who: 'a' })).toBe('Hello a');
    const later = engine.render(['later.html'], { who: 'a' });
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe('a!');
    const boom = () => {
      throw new Error('boom');
    };
    expect(() => engine.render(['boom.html'], { boom })).toThrow('boom');
  });

  it('renderNow() gives the text at once, tries the next engine on TemplateDoesNotExist, and render() always gives a promise', async () => {
    const later: TemplateEngine = {
      render: (names) =>
        names[0] === 'later.txt'
          ? Promise.resolve('from later')
          : Promise.reject(new TemplateDoesNotExist(names, ['/later'])),
    };
    const engines = new TemplateEngines(new UrlResolver(), { templates: { dirs: [dir], engines: { later } } });
    expect(engines.renderNow(['hello.html'], { who: 'a' })).toBe('Hello a');
    const rendering = engines.render(['hello.html'], { who: 'a' });
    expect(rendering).toBeInstanceOf(Promise);
    expect(await rendering).toBe('Hello a');
    expect(await engines.renderNow(['later.txt'], {})).toBe('from later');
    await expect(Promise.resolve().then(() => engines.renderNow(['none.txt'], {}))).rejects.toThrow(
      `none.txt. Searched in: ${dir}, /later.`,
    );
  });
});

describe("A template's url()", () => {
  let dir: string;
  let engines: TemplateEngines;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cv-url-'));
    const urls = new UrlResolver();
    urls.register('book-update', RoutePattern.parse('books/<int:pk>/update/'));
    engines = new TemplateEngines(urls, { templates: { dirs: [dir] } });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Render `source` as a template with a book in the context. */
  function render(source: string): Promise<string> {
    writeFileSync(join(dir, 'page.html'), source);
    return engines.render(['page.html'], { book: { id: 7 } });
  }

  it("takes a value in route order, as Django's {% url 'book-update' book.id %}", async () => {
    await expect(render("{{ url('book-update', book.id) }}")).resolves.toBe('/books/7/update/');
  });

  it('takes kwargs as an object or as keyword arguments', async () => {
    await expect(
      render("{{ url('book-update', { pk: book.id }) }} {{ url('book-update', pk=book.id) }}"),
    ).resolves.toBe('/books/7/update/ /books/7/update/');
  });

  it("refuses values and kwargs mixed, with Django's message and both forms", async () => {
    await expect(render("{{ url('book-update', book.id, pk=book.id) }}")).rejects.toThrow(
      "Don't mix *args and **kwargs in call to reverse()! Give 'book-update' either its values in route order, as in reverse('book-update', 7) or {{ url('book-update', 7) }}, or one object of kwargs, as in reverse('book-update', { pk: 7 }) or {{ url('book-update', { pk: 7 }) }}.",
    );
  });
});

describe('TemplateResponse.prepare()', () => {
  it('takes the text at once when the renderer has it, and waits for a promise otherwise', async () => {
    const atOnce = new TemplateResponse(undefined, 'a.html', {});
    expect(atOnce.prepare({ render: () => 'now' })).toBeUndefined();
    expect([atOnce.content, atOnce.isRendered]).toEqual(['now', true]);
    const later = new TemplateResponse(undefined, 'a.html', {});
    const pending = later.prepare({ render: () => Promise.resolve('later') });
    expect(later.isRendered).toBe(false);
    await pending;
    expect([later.content, later.isRendered]).toEqual(['later', true]);
  });
});

describe('TemplateResponseMixin and ContextMixin', () => {
  it('refuses to render without a template name, with Django’s message in TypeScript names', () => {
    expect(() => new TemplateView().getTemplateNames()).toThrow(
      new ImproperlyConfigured(
        "TemplateResponseMixin requires either a definition of 'templateName' or an implementation of 'getTemplateNames()'",
      ),
    );
  });

  it('builds the context from kwargs, then view, then extraContext', () => {
    const view = new TemplateView();
    view.extraContext = { b: 'extra' };
    expect(view.getContextData({ a: 1, b: 2 })).toEqual({ a: 1, b: 'extra', view });
    expect(view.getContextData({ view: 'captured' }).view).toBe('captured');
  });

  it('defaults every attribute as Django does', () => {
    const view = new TemplateView();
    expect([view.templateName, view.templateEngine, view.contentType, view.extraContext]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
