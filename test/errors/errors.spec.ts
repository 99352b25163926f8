import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_REGISTRY } from '../../src/class-views.errors.js';
import {
  Http404,
  ImproperlyConfigured,
  MESSAGES,
  MessageFailure,
  Paginator,
  path,
  TemplateView,
  URL_MESSAGES,
} from '../../src/index.js';
import type { MessageFormat } from '../../src/utils/coded-message.js';
import { ERRORS_PAGE, errorsPage } from './errors-page.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every source file of the library, specs left out, with its path from the root. */
function sources(dir = 'src'): { file: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((item) => {
    const file = `${dir}/${item.name}`;
    if (item.isDirectory()) return sources(file);
    return item.name.endsWith('.ts') && !item.name.endsWith('.spec.ts')
      ? [{ file, text: readFileSync(join(ROOT, file), 'utf8') }]
      : [];
  });
}

/** The code of the library, its comments left out. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

const entries = Object.entries(ERROR_REGISTRY).flatMap(([area, registry]) =>
  Object.entries(registry as Record<string, MessageFormat<never[]>>).map(([key, format]) => ({ area, key, format })),
);

describe('the message registry', () => {
  it('gives every entry a code of its own, CLASS_VIEWS_ERR_… or CLASS_VIEWS_WRN_…', () => {
    const codes = entries.map(({ format }) => format.code);
    for (const value of codes) expect(value).toMatch(/^CLASS_VIEWS_(ERR|WRN)_[A-Z0-9]+(_[A-Z0-9]+)*$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has no entry that src/ does not raise', () => {
    const files = sources();
    const unused = entries.filter(
      ({ area, key }) =>
        !files.some(
          ({ file, text }) => !file.endsWith('.messages.ts') && new RegExp(`\\b${area}\\.${key}\\b`).test(code(text)),
        ),
    );
    expect(unused.map(({ area, key }) => `${area}.${key}`)).toEqual([]);
  });

  it('is where every error message of src/ comes from: no error is made from a string written in place', () => {
    const inline =
      /\b(new \w*(Error|Exception|ImproperlyConfigured|NoReverseMatch|Http404|DisallowedRedirect|MessageFailure|BadSignature|Page))\(\s*[`'"]|codedError\(\w+,\s*[`'"]/;
    const found = sources().flatMap(({ file, text }) =>
      code(text)
        .split('\n')
        .filter((line) => inline.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('is documented entry by entry in docs/reference/errors.md, which is generated from it', () => {
    const page = errorsPage();
    if (process.env.UPDATE_ERRORS_PAGE === '1') writeFileSync(join(ROOT, ERRORS_PAGE), page);
    for (const { area, key, format } of entries) expect(page).toContain(`### ${format.code}\n\n\`${area}.${key}\``);
    // Out of date? Run: UPDATE_ERRORS_PAGE=1 npm run test:jest -- test/errors
    expect(readFileSync(join(ROOT, ERRORS_PAGE), 'utf8')).toBe(page);
  });
});

describe('an error made from the registry', () => {
  it('carries the code as .code and the wording as .message', () => {
    const thrown = thrownBy(() => path('<int:pk', TemplateView.asView()));
    expect(thrown).toBeInstanceOf(ImproperlyConfigured);
    expect(thrown).toMatchObject({
      code: 'CLASS_VIEWS_ERR_URL_INVALID_ANGLE_BRACKETS',
      message: "URL route '<int:pk' contains an invalid angle-bracket expression.",
    });
    expect((thrown as ImproperlyConfigured).code).toBe(URL_MESSAGES.invalidAngleBrackets.code);
  });

  it('keeps the JavaScript class Django uses (a TypeError) and adds the code', () => {
    const thrown = thrownBy(() => new Paginator([1, 2, 3], 'two'));
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).toMatchObject({
      code: MESSAGES.paginatorNotInteger.code,
      message: 'Paginator perPage must be an integer, not "two".',
    });
  });

  it('can still be made from text of your own, or from nothing, as before the registry', () => {
    expect(new MessageFailure()).toMatchObject({ name: 'MessageFailure', message: '', code: undefined });
    expect(new ImproperlyConfigured()).toMatchObject({ message: '', code: undefined });
    expect(new ImproperlyConfigured('Set BookList.model.')).toMatchObject({
      message: 'Set BookList.model.',
      code: undefined,
    });
    expect(new Http404()).toMatchObject({ message: 'Not Found', code: undefined });
  });
});
