import { escapeHtml } from './python-values.js';

/** Django's `int(arg)` for a length: a whole number, or `null` where Django fails silently. */
function toLength(arg: unknown): number | null {
  if (typeof arg === 'number') return Number.isFinite(arg) ? Math.trunc(arg) : null;
  return /^\s*[+-]?\d+\s*$/.test(String(arg)) ? Number(arg) : null;
}

/** Combining marks take no room: Django's `unicodedata.combining()`, as Unicode's nonspacing marks. */
const COMBINING = /^\p{Mn}$/u;
/** Python's whitespace (`str.split()` with no argument), as a class of characters that are not it. */
const WORD = /[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Django's `truncatechars`: at most `arg` characters, the last one "…" when cut.
 * Combining marks are not counted; the text is NFC-normalized first, as Django does.
 */
export function truncatechars(value: string, arg: unknown): string {
  const length = toLength(arg);
  if (length === null) return value;
  if (length <= 0) return '';
  const text = value.normalize('NFC');
  const keep = length - 1;
  let counted = 0;
  let end = 0;
  let offset = 0;
  for (const char of text) {
    if (!COMBINING.test(char)) {
      counted += 1;
      if (counted === keep + 1) end = offset;
      if (counted > length) return `${text.slice(0, end)}…`;
    }
    offset += char.length;
  }
  return text;
}

/** Django's `truncatewords`: the first `arg` words and " …" when there are more; words are joined by one space. */
export function truncatewords(value: string, arg: unknown): string {
  const length = toLength(arg);
  if (length === null) return value;
  if (length <= 0) return '';
  const words: string[] = [];
  for (const [word] of value.matchAll(WORD)) {
    if (words.length === length) return `${words.join(' ')} …`;
    words.push(word);
  }
  return words.join(' ');
}

/**
 * Django's `linebreaksbr`: every newline (`\n`, `\r\n`, `\r`) becomes `<br>`. With `escape`
 * (autoescaping on and a value not marked safe) the text is escaped first; the result is markup.
 */
export function linebreaksbr(value: string, escape: boolean): string {
  const text = escape ? escapeHtml(value) : value;
  return text.replace(/\r\n|\r|\n/g, '<br>');
}

const UTF8 = new TextEncoder();
/** Characters Python's `quote()` never escapes. */
const UNRESERVED = /^[A-Za-z0-9_.~-]$/;

/** Django's `urlencode`: Python's `quote(value, safe)`, UTF-8 percent-encoding all but `A-Z a-z 0-9 _ . - ~` and `safe`. */
export function urlencode(value: string, safe = '/'): string {
  const keep = new Set([...safe].filter((char) => char < '\x80'));
  let text = '';
  for (const char of value) {
    if (UNRESERVED.test(char) || keep.has(char)) {
      text += char;
      continue;
    }
    for (const byte of UTF8.encode(char)) text += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return text;
}
