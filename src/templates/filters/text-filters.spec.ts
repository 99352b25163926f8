import { describe, expect, it } from '@jest/globals';
import { expectLinear } from '../../../test/utils/linear.js';
import { linebreaksbr, truncatechars, truncatewords, urlencode } from './text-filters.js';

describe('truncatechars filter', () => {
  it('cuts "Joel is a slug" at 7 characters as "Joel i…", as documented', () => {
    expect(truncatechars('Joel is a slug', 7)).toBe('Joel i…');
  });

  it('leaves text that fits, and gives "" for a length of 0 or less and the text for a bad length', () => {
    expect(truncatechars('Joel is a slug', 14)).toBe('Joel is a slug');
    expect(truncatechars('Joel', 1)).toBe('…');
    expect(truncatechars('Joel', 0)).toBe('');
    expect(truncatechars('Joel', 'x')).toBe('Joel');
    expect(truncatechars('Joel is a slug', '7')).toBe('Joel i…');
  });

  it('does not count combining marks, and normalizes to NFC first', () => {
    expect(truncatechars('a\u0301b\u0327cdef', 3)).toBe('\u00e1b\u0327…');
    expect(truncatechars('e\u0301'.repeat(3), 3)).toBe('ééé');
    expect(truncatechars('ñ\u0301\u0301\u0301x', 2)).toBe('ñ\u0301\u0301\u0301x');
  });

  it('takes linear time on 10^5 characters', () => {
    expectLinear((LONG) => truncatechars('\u0301'.repeat(LONG) + 'ab', 1));
    expectLinear((LONG) => expect(truncatechars('a'.repeat(LONG), LONG - 1)).toHaveLength(LONG - 1));
  });
});

describe('truncatewords filter', () => {
  it('cuts "Joel is a slug" after 2 words as "Joel is …", as documented', () => {
    expect(truncatewords('Joel is a slug', 2)).toBe('Joel is …');
  });

  it('joins the words with one space (newlines removed) and leaves fewer words whole', () => {
    expect(truncatewords('  Joel\n is \ta slug ', 4)).toBe('Joel is a slug');
    expect(truncatewords('Joel\xa0is', 1)).toBe('Joel …');
    expect(truncatewords('Joel is', 0)).toBe('');
    expect(truncatewords('Joel is', 'two')).toBe('Joel is');
  });

  it('takes linear time on 10^5 characters', () => {
    expectLinear((LONG) => truncatewords(' '.repeat(LONG), 2));
    expectLinear((LONG) => expect(truncatewords('a '.repeat(LONG / 2), 3)).toBe('a a a …'));
  });
});

describe('linebreaksbr filter', () => {
  it('turns "Joel\\nis a slug" into "Joel<br>is a slug", as documented', () => {
    expect(linebreaksbr('Joel\nis a slug', true)).toBe('Joel<br>is a slug');
  });

  it('handles \\r\\n and \\r, and escapes the text first when asked', () => {
    expect(linebreaksbr('a\r\nb\rc', false)).toBe('a<br>b<br>c');
    expect(linebreaksbr('x&\ny <b>"\'', true)).toBe('x&amp;<br>y &lt;b&gt;&quot;&#x27;');
    expect(linebreaksbr('x&\ny', false)).toBe('x&<br>y');
  });

  it('takes linear time on 10^5 characters', () => {
    expectLinear((LONG) => expect(linebreaksbr('\r'.repeat(LONG), true)).toHaveLength(4 * LONG));
  });
});

describe('urlencode filter', () => {
  it('keeps "/" by default and escapes the rest, as documented', () => {
    expect(urlencode('https://www.example.org/foo?a=b&c=d')).toBe('https%3A//www.example.org/foo%3Fa%3Db%26c%3Dd');
  });

  it('escapes "/" too with an empty safe argument, as documented', () => {
    expect(urlencode('https://www.example.org/foo?a=b&c=d', '')).toBe(
      'https%3A%2F%2Fwww.example.org%2Ffoo%3Fa%3Db%26c%3Dd',
    );
  });

  it("escapes what encodeURIComponent leaves (! ' ( ) *) and encodes UTF-8", () => {
    expect(urlencode("a!'()*_.-~ é€")).toBe('a%21%27%28%29%2A_.-~%20%C3%A9%E2%82%AC');
    expect(urlencode('a b&c', ' &')).toBe('a b&c');
  });

  it('takes linear time on 10^5 characters', () => {
    expectLinear((LONG) => expect(urlencode('é'.repeat(LONG))).toHaveLength(6 * LONG));
  });
});
