import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { TemplateDoesNotExist } from '../exceptions/template-does-not-exist.exception.js';
import { TemplateView } from '../views/template.view.js';
import { UrlResolver } from '../urls/url-resolver.js';
import { NunjucksEngine } from './nunjucks.engine.js';
import { TemplateEngines } from './template-engines.js';

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
    await expect(engines.render(['missing.html', 'also/missing.html'], {})).rejects.toThrow('missing.html, also/missing.html');
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
    expect([view.templateName, view.templateEngine, view.contentType, view.extraContext]).toEqual([null, null, null, null]);
  });
});
