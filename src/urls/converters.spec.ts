import { describe, expect, it } from '@jest/globals';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { getConverter, registerConverter, type PathConverter } from './converters.js';
import { RoutePattern } from './route-pattern.js';
import { thrownBy } from '../../test/utils/errors.js';

const year: PathConverter<number> = {
  regex: '[0-9]{4}',
  toValue: (raw) => Number(raw),
  toUrl: (value) => String(value).padStart(4, '0'),
};
registerConverter('yyyy', year as PathConverter);

/** Whether the built-in converter's regex fully matches `text`. */
function fullyMatches(name: string, text: string): boolean {
  return new RegExp(`^(?:${getConverter(name)!.regex})$`).test(text);
}

describe('built-in converters', () => {
  it('str matches any text without a slash and keeps it a string', () => {
    expect(fullyMatches('str', 'hello world')).toBe(true);
    expect(fullyMatches('str', 'a/b')).toBe(false);
    expect(getConverter('str')!.toValue('hello')).toBe('hello');
  });

  it('str does not match empty text', () => {
    expect(fullyMatches('str', '')).toBe(false);
  });

  it('int matches digits and gives a number', () => {
    expect(fullyMatches('int', '007')).toBe(true);
    expect(getConverter('int')!.toValue('7')).toBe(7);
    expect(getConverter('int')!.toUrl(7)).toBe('7');
  });

  it('int refuses a value above Number.MAX_SAFE_INTEGER instead of rounding it (the URL does not match)', () => {
    const int = getConverter('int')!;
    expect(int.toValue('9007199254740991')).toBe(9007199254740991);
    expect(thrownBy(() => int.toValue('9007199254740993'))).toStrictEqual(
      new RangeError(
        "'9007199254740993' is above Number.MAX_SAFE_INTEGER, so the int converter cannot give it exactly. For 64-bit ids, register a converter that gives a string or a bigint.",
      ),
    );
    expect(() => int.toValue('9'.repeat(400))).toThrow(RangeError);
    expect(() => int.toUrl(2 ** 53)).toThrow(RangeError);
    expect(() => int.toUrl(10n ** 20n)).toThrow(RangeError);
    expect(int.toUrl(10n)).toBe('10');
  });

  it('int does not match letters, signs or decimals', () => {
    expect(fullyMatches('int', 'abc')).toBe(false);
    expect(fullyMatches('int', '-1')).toBe(false);
    expect(fullyMatches('int', '1.5')).toBe(false);
  });

  it('slug matches letters, digits, hyphens and underscores only', () => {
    expect(fullyMatches('slug', 'my-first_post-2')).toBe(true);
    expect(fullyMatches('slug', 'my post')).toBe(false);
    expect(fullyMatches('slug', 'café')).toBe(false);
  });

  it('uuid matches a lowercase uuid and keeps it a string', () => {
    const id = '075194d3-6885-417e-a8a8-6c931e272f00';
    expect(fullyMatches('uuid', id)).toBe(true);
    expect(getConverter('uuid')!.toValue(id)).toBe(id);
  });

  it('uuid does not match an uppercase uuid', () => {
    expect(fullyMatches('uuid', '075194D3-6885-417E-A8A8-6C931E272F00')).toBe(false);
  });

  it('path matches text with slashes', () => {
    expect(fullyMatches('path', 'docs/2024/report.pdf')).toBe(true);
    expect(getConverter('path')!.toValue('a/b')).toBe('a/b');
  });

  it('getConverter returns undefined for an unknown name', () => {
    expect(getConverter('nope')).toBeUndefined();
  });
});

describe('registerConverter', () => {
  it('makes a custom converter available by name', () => {
    expect(getConverter('yyyy')).toBe(year);
  });

  it('lets a route use the custom converter to match, convert and reverse', () => {
    const pattern = RoutePattern.parse('articles/<yyyy:year>/');
    expect(pattern.params).toEqual([{ name: 'year', converter: 'yyyy' }]);
    expect(pattern.convert({ year: '2024' })).toEqual({ year: 2024 });
    expect(pattern.convert({ year: '24' })).toBeNull();
    expect(pattern.reverse({ year: 987 })).toBe('/articles/0987/');
  });

  it('refuses a name registered already', () => {
    expect(thrownBy(() => registerConverter('yyyy', year as PathConverter))).toStrictEqual(
      new ImproperlyConfigured("Converter 'yyyy' is already registered."),
    );
  });

  it('refuses the name of a built-in converter', () => {
    expect(thrownBy(() => registerConverter('int', year as PathConverter))).toStrictEqual(
      new ImproperlyConfigured("Converter 'int' is already registered."),
    );
  });

  it('refuses a name a route could not spell', () => {
    expect(thrownBy(() => registerConverter('a:b', year as PathConverter))).toStrictEqual(
      new ImproperlyConfigured(
        "Converter name 'a:b' is invalid: a converter name must be non-empty and must not contain whitespace, ':', '<' or '>'.",
      ),
    );
  });

  it('refuses an object that is not a converter', () => {
    expect(thrownBy(() => registerConverter('broken', { regex: '.+' } as unknown as PathConverter))).toStrictEqual(
      new TypeError(
        "Converter 'broken' must be an object with a string 'regex' and the functions 'toValue' and 'toUrl'.",
      ),
    );
  });

  it('refuses a regex that does not compile', () => {
    // biome-ignore lint/complexity/useRegexLiterals: the pattern is invalid on purpose; as a literal it would not parse
    const reason = (thrownBy(() => new RegExp('^(?:[0-9)$')) as SyntaxError).message;
    expect(thrownBy(() => registerConverter('bad', { ...year, regex: '[0-9' } as PathConverter))).toStrictEqual(
      new ImproperlyConfigured(
        `Converter 'bad' has a regex '[0-9' that does not compile (${reason}). Fix its 'regex'.`,
      ),
    );
  });

  it('leaves the name free when the regex does not compile', () => {
    thrownBy(() => registerConverter('bad2', { ...year, regex: '(' } as PathConverter));
    expect(getConverter('bad2')).toBeUndefined();
  });
});
