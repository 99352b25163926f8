import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImproperlyConfigured } from '../../exceptions/improperly-configured.exception.js';
import { NunjucksEngine, type NunjucksEngineOptions } from '../nunjucks.engine.js';

describe('Django filters in the nunjucks engine', () => {
  let dir: string;
  let count = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cv-filters-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Render `source` with a new engine made with `options`. */
  function render(source: string, context: Record<string, unknown> = {}, options: NunjucksEngineOptions = {}): string {
    const name = `t${count++}.html`;
    writeFileSync(join(dir, name), source);
    return new NunjucksEngine({ dirs: [dir], ...options }).render([name], context) as string;
  }

  it('prints a Date with DATE_FORMAT instead of JavaScript’s toString()', () => {
    expect(render('{{ when | date }} at {{ when | time }}', { when: new Date(Date.UTC(2019, 11, 1, 15, 30)) })).toBe(
      'Dec. 1, 2019 at 3:30 p.m.',
    );
  });

  it('reads dates in the timeZone option, UTC by default', () => {
    const when = new Date(Date.UTC(2019, 11, 1, 23, 30));
    expect(render('{{ when | date("Y-m-d H:i T") }}', { when })).toBe('2019-12-01 23:30 UTC');
    expect(render('{{ when | date("Y-m-d H:i T") }}', { when }, { timeZone: 'Europe/Paris' })).toBe(
      '2019-12-02 00:30 CET',
    );
  });

  it('refuses a time zone that does not exist, naming the fix', () => {
    expect(() => new NunjucksEngine({ timeZone: 'Mars/Olympus' })).toThrow(
      new ImproperlyConfigured(
        "templates.timeZone 'Mars/Olympus' is not a time zone. Give an IANA name such as 'UTC' or 'Europe/Paris' (Intl.supportedValuesOf('timeZone') lists them).",
      ),
    );
  });

  it('escapes what text filters return unless the value was marked safe (Django’s is_safe)', () => {
    const context = { html: '<b>bold</b> text' };
    expect(render('{{ html | truncatechars(9) }}', context)).toBe('&lt;b&gt;bold&lt;…');
    expect(render('{{ html | safe | truncatechars(9) }}', context)).toBe('<b>bold<…');
    expect(render('{{ html | truncatewords(1) }}', context)).toBe('&lt;b&gt;bold&lt;/b&gt; …');
    expect(
      render(
        '{{ "" | default("<i>") }}|{{ none | default_if_none("&") }}|{{ 2 | pluralize("<s>") }}|{{ 1 | yesno("<y>,n") }}',
      ),
    ).toBe('&lt;i&gt;|&amp;|&lt;s&gt;|&lt;y&gt;');
  });

  it('linebreaksbr escapes the text, then returns markup; a safe value or autoescape off is not escaped', () => {
    const context = { text: 'x&\ny' };
    expect(render('{{ text | linebreaksbr }}', context)).toBe('x&amp;<br>y');
    expect(render('{{ text | safe | linebreaksbr }}', context)).toBe('x&<br>y');
    expect(render('{{ text | linebreaksbr }}', context, { autoescape: false })).toBe('x&<br>y');
  });

  it('prints numbers as they are: floatformat and filesizeformat are safe text', () => {
    expect(render('{{ 34232.34 | floatformat("2g") }} {{ 123456789 | filesizeformat }}')).toBe('34,232.34 117.7\xa0MB');
  });

  it('uses Django’s default (every false value) and keeps nunjucks’ d (undefined only)', () => {
    expect(render('{{ "" | default("x") }} {{ 0 | default("x") }} {{ missing | default("x") }}')).toBe('x x x');
    expect(render('[{{ "" | d("x") }}] [{{ missing | d("x") }}]')).toBe('[] [x]');
  });

  it('uses Django’s urlencode for text and nunjucks’ for objects and arrays', () => {
    expect(render('{{ "a b/c(d)" | urlencode }} {{ "/" | urlencode("") }}')).toBe('a%20b/c%28d%29 %2F');
    expect(render('{{ query | urlencode }}', { query: { q: 'a b', page: 2 } })).toBe('q=a%20b&amp;page=2');
    expect(render('{{ query | urlencode }}', { query: [['q', 'a&b']] })).toBe('q=a%26b');
  });

  it('keeps nunjucks’ filters that Django shares, and truncate, which Django has not', () => {
    expect(
      render(
        '{{ items | length }} {{ items | first }} {{ items | join(", ") }} {{ "ab cd" | title }} {{ "abcdef" | truncate(3, true) }}',
        { items: ['a', 'b'] },
      ),
    ).toBe('2 a a, b Ab Cd abc...');
  });

  it('lets a filter of the same name given through configure win', () => {
    const configure: NunjucksEngineOptions['configure'] = (env) => env.addFilter('date', () => 'mine');
    expect(render('{{ when | date("Y") }}', { when: new Date(0) }, { configure })).toBe('mine');
  });
});
