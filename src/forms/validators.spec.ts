import { describe, expect, it } from '@jest/globals';
import { CharField, EmailField, IntegerField } from './fields.js';
import { RegexField, SlugField, URLField } from './text-fields.js';
import { ValidationError } from './validation-error.js';
import { EmailValidator, validateEmail } from './email.validator.js';
import { URLValidator } from './url.validator.js';
import {
  codePoints,
  MaxLengthValidator,
  MaxValueValidator,
  MinLengthValidator,
  MinValueValidator,
  ProhibitNullCharactersValidator,
  RegexValidator,
  validateSlug,
  validateUnicodeSlug,
} from './validators.js';

/** The messages `run()` fails with, or `[]`. */
function messagesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.errorList.map((item) => item.message);
    throw error;
  }
  return [];
}

const SLUG = 'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.';
const UNICODE_SLUG = 'Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.';

describe('Django’s validators', () => {
  it('validateSlug and validateUnicodeSlug take letters, digits, _ and -; refuse the rest with Django’s message', () => {
    expect(messagesOf(() => validateSlug('a-b_C9'))).toEqual([]);
    for (const bad of ['a b', 'é', 'a/b', '', 'a\n']) expect(messagesOf(() => validateSlug(bad))).toEqual([SLUG]);
    expect(messagesOf(() => validateUnicodeSlug('héllo-日本_1'))).toEqual([]);
    expect(messagesOf(() => validateUnicodeSlug('a b'))).toEqual([UNICODE_SLUG]);
  });

  it('validateEmail takes addresses Django takes and refuses the others', () => {
    for (const good of [
      'ada@example.com',
      'a.b+c@sub.example.co',
      'x@localhost',
      'x@[127.0.0.1]',
      'x@[::1]',
      '"a@b"@example.com',
      '"a\\ b"@example.com',
      'ada@exämple.com',
    ]) {
      expect([good, messagesOf(() => validateEmail(good))]).toEqual([good, []]);
    }
    for (const bad of [
      'ada',
      'ada@',
      '@example.com',
      'a b@example.com',
      'ada@example',
      'a..b@example.com',
      'ada@-example.com',
      'ada@[1.2.3]',
      '"a b"@example.com',
      `a@${'b'.repeat(310)}.com`,
    ]) {
      expect([bad, messagesOf(() => validateEmail(bad))]).toEqual([bad, ['Enter a valid email address.']]);
    }
    expect(messagesOf(() => new EmailValidator({ allowlist: ['intranet'] })('a@intranet'))).toEqual([]);
  });

  it('URLValidator takes http(s) and ftp(s) URLs Django takes and refuses the others', () => {
    const validate = new URLValidator();
    for (const good of [
      'http://example.com',
      'https://www.example.com:8000/a/b?c=d#e',
      'http://localhost/',
      'http://127.0.0.1:80/',
      'http://[::1]:8080/',
      'http://user:pass@example.com/',
      'ftp://example.com.',
      'http://xn--nxasmq6b.com',
      'http://日本.jp/',
      'http://a-b.c-d.example.museum',
    ]) {
      expect([good, messagesOf(() => validate(good))]).toEqual([good, []]);
    }
    for (const bad of [
      'example.com',
      'mailto:a@example.com',
      'http://',
      'http://-example.com',
      'http://example',
      'http://exa mple.com',
      'http://example.com/a b',
      'http://256.0.0.1',
      'http://[::z]/',
      'http://example.com\n',
      'http://example.-com',
      'http://example.c',
      'http://1.2.3',
      `http://${'a'.repeat(2050)}.com`,
    ]) {
      expect([bad, messagesOf(() => validate(bad))]).toEqual([bad, ['Enter a valid URL.']]);
    }
    expect(messagesOf(() => new URLValidator({ schemes: ['git'] })('git://example.com/x'))).toEqual([]);
  });

  it('RegexValidator searches the value (inverseMatch refuses a match), with its message and code', () => {
    const noDigits = new RegexValidator(/\d/, { inverseMatch: true, message: 'No digits.', code: 'digits' });
    expect(messagesOf(() => noDigits('abc'))).toEqual([]);
    expect(messagesOf(() => noDigits('a1'))).toEqual(['No digits.']);
    expect(messagesOf(() => new RegexValidator('^a')('ba'))).toEqual(['Enter a valid value.']);
    const global = new RegexValidator(/a/g);
    expect([messagesOf(() => global('a')), messagesOf(() => global('a'))]).toEqual([[], []]);
  });

  it("counts code points as Python's len(): a pair is one, a lone surrogate of either half is one", () => {
    expect(codePoints('The Left Hand of Darkness')).toBe(25);
    expect(codePoints('x😀y')).toBe(3);
    expect(codePoints('😀😀')).toBe(2);
    expect(codePoints('a\uDC00b')).toBe(3);
    expect(codePoints('a\uD83D')).toBe(2);
    expect(codePoints('\uD83Db')).toBe(2);
    expect(codePoints('\uDE00\uD83D')).toBe(2);
    expect(codePoints('')).toBe(0);
    expect(messagesOf(() => new MaxLengthValidator(2)('a😀'))).toEqual([]);
    expect(messagesOf(() => new MaxLengthValidator(2)('ab\uDC00'))).toEqual([
      'Ensure this value has at most 2 characters (it has 3).',
    ]);
  });

  it('the length and value validators say what Django says, singular for a limit of 1', () => {
    expect(messagesOf(() => new MinLengthValidator(3)('ab'))).toEqual([
      'Ensure this value has at least 3 characters (it has 2).',
    ]);
    expect(messagesOf(() => new MinLengthValidator(1)(''))).toEqual([
      'Ensure this value has at least 1 character (it has 0).',
    ]);
    expect(messagesOf(() => new MaxLengthValidator(1)('😀😀'))).toEqual([
      'Ensure this value has at most 1 character (it has 2).',
    ]);
    expect(messagesOf(() => new MaxValueValidator(10)(11))).toEqual(['Ensure this value is less than or equal to 10.']);
    expect(messagesOf(() => new MinValueValidator(0.5)(0))).toEqual([
      'Ensure this value is greater than or equal to 0.5.',
    ]);
    expect(messagesOf(() => new MaxValueValidator(() => 3)(3))).toEqual([]);
    expect(messagesOf(() => new ProhibitNullCharactersValidator()('a\0b'))).toEqual([
      'Null characters are not allowed.',
    ]);
    let code = '';
    try {
      new MaxLengthValidator(2)('abc');
    } catch (error) {
      code = (error as ValidationError).code;
    }
    expect(code).toBe('max_length');
  });
});

describe('Fields run their validators as Django’s run_validators()', () => {
  it('collects every validator’s error, after toPython() and validate()', () => {
    const field = new CharField({ maxLength: 3, validators: [validateSlug] });
    expect(messagesOf(() => field.clean('a b c'))).toEqual([
      SLUG,
      'Ensure this value has at most 3 characters (it has 5).',
    ]);
    expect(messagesOf(() => field.clean(''))).toEqual(['This field is required.']);
  });

  it('puts the field’s errorMessages over a validator’s message by code, with its parameters', () => {
    const field = new CharField({
      minLength: 4,
      errorMessages: { min_length: 'At least %(limit_value)d, not %(show_value)d.' },
    });
    expect(messagesOf(() => field.clean('abc'))).toEqual(['At least 4, not 3.']);
    expect(
      messagesOf(() => new IntegerField({ maxValue: 5, validators: [new MinValueValidator(9)] }).clean('7')),
    ).toEqual(['Ensure this value is greater than or equal to 9.', 'Ensure this value is less than or equal to 5.']);
  });

  it('accepts the value when a validator throws an empty error list, as Django raises only for errors it has', () => {
    const empty = () => {
      throw new ValidationError([]);
    };
    expect(new CharField({ validators: [empty] }).clean('ok')).toBe('ok');
    expect(messagesOf(() => new CharField({ maxLength: 1, validators: [empty] }).clean('ok'))).toEqual([
      'Ensure this value has at most 1 character (it has 2).',
    ]);
  });
});

describe('SlugField, URLField, EmailField and RegexField', () => {
  it('SlugField validates a slug, or a Unicode slug with allowUnicode', () => {
    expect(new SlugField().clean(' my-post_2 ')).toBe('my-post_2');
    expect(messagesOf(() => new SlugField().clean('my post'))).toEqual([SLUG]);
    expect(messagesOf(() => new SlugField().clean('café'))).toEqual([SLUG]);
    expect(new SlugField({ allowUnicode: true }).clean('café')).toBe('café');
    expect(messagesOf(() => new SlugField({ allowUnicode: true }).clean('ca fé'))).toEqual([UNICODE_SLUG]);
  });

  it('URLField adds http:// to a bare domain, and refuses what is not a URL', () => {
    const field = new URLField();
    expect(field.clean('example.com')).toBe('http://example.com');
    expect(field.clean('example.com/path?q=1')).toBe('http://example.com/path?q=1');
    expect(field.clean(' https://Example.com/A ')).toBe('https://Example.com/A');
    for (const bad of ['http://', 'http://exa mple.com', 'http://[::1', 'foo', 'http://.com'])
      expect([bad, messagesOf(() => field.clean(bad))]).toEqual([bad, ['Enter a valid URL.']]);
    expect(field.widget.render('site', null)).toBe('<input type="url" name="site">');
  });

  it('EmailField reports both a bad address and its length, as Django does', () => {
    expect(messagesOf(() => new EmailField().clean(`${'a'.repeat(330)}@x`))).toEqual([
      'Enter a valid email address.',
      'Ensure this value has at most 320 characters (it has 332).',
    ]);
  });

  it('RegexField validates with its pattern and does not strip by default', () => {
    const field = new RegexField(/^[A-Z]{3}$/);
    expect(field.clean('ABC')).toBe('ABC');
    expect(messagesOf(() => field.clean(' ABC'))).toEqual(['Enter a valid value.']);
    expect(messagesOf(() => new RegexField('^x+$', { errorMessages: { invalid: 'Only x.' } }).clean('xy'))).toEqual([
      'Only x.',
    ]);
  });
});
