import { describe, expect, it } from '@jest/globals';
import { linebreaksbr, truncatechars, truncatewords, urlencode } from './text-filters.js';

/** Linear work on 10^5 characters takes milliseconds, quadratic work minutes: the bound leaves room for a loaded machine. */
const LINEAR_BUDGET_MS = 5000;

const LONG = 100_000;

/** Run `work` and say how many milliseconds it took. */
function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

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
    expect(timed(() => truncatechars('\u0301'.repeat(LONG) + 'ab', 1))).toBeLessThan(LINEAR_BUDGET_MS);
    expect(timed(() => expect(truncatechars('a'.repeat(LONG), LONG - 1)).toHaveLength(LONG - 1))).toBeLessThan(LINEAR_BUDGET_MS);
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
    expect(timed(() => truncatewords(' '.repeat(LONG), 2))).toBeLessThan(LINEAR_BUDGET_MS);
    expect(timed(() => expect(truncatewords('a '.repeat(LONG / 2), 3)).toBe('a a a …'))).toBeLessThan(LINEAR_BUDGET_MS);
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
    expect(timed(() => expect(linebreaksbr('\r'.repeat(LONG), true)).toHaveLength(4 * LONG))).toBeLessThan(LINEAR_BUDGET_MS);
  });
});

describe('urlencode filter', () => {
  it('keeps "/" by default and escapes the rest, as documented', () => {
    expect(urlencode('https://www.example.org/foo?a=b&c=d')).toBe('https%3A//www.example.org/foo%3Fa%3Db%26c%3Dd');
  });

  it('escapes "/" too with an empty safe argument, as documented', () => {
    expect(urlencode('https://www.example.org/foo?a=b&c=d', '')).toBe('https%3A%2F%2Fwww.example.org%2Ffoo%3Fa%3Db%26c%3Dd');
  });

  it('escapes what encodeURIComponent leaves (! \' ( ) *) and encodes UTF-8', () => {
    expect(urlencode("a!'()*_.-~ é€")).toBe('a%21%27%28%29%2A_.-~%20%C3%A9%E2%82%AC');
    expect(urlencode('a b&c', ' &')).toBe('a b&c');
  });

  it('takes linear time on 10^5 characters', () => {
    expect(timed(() => expect(urlencode('é'.repeat(LONG))).toHaveLength(6 * LONG))).toBeLessThan(LINEAR_BUDGET_MS);
  });
});
