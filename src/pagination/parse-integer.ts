/**
 * The blanks Python's `int()` strips around a number: ASCII whitespace except the
 * `\x1c`–`\x1f` separators (which it refuses), plus every non-ASCII `str.isspace()`
 * character. JavaScript's `\s` differs (it has U+FEFF and lacks U+0085), hence the list.
 */
const BLANK = '[\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*';

/** An optional sign, then decimal digits of any script with single underscores between them. */
const INTEGER = new RegExp(`^${BLANK}([+-]?)(\\p{Nd}+(?:_\\p{Nd}+)*)${BLANK}$`, 'u');

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Read `value` as Python's `int()` does (Django's page numbers and `per_page` go through
 * it), returning `null` when it is not an integer.
 *
 * A string may have surrounding whitespace, a leading `+` or `-`, single underscores
 * between digits (`'1_0'` is 10) and decimal digits of any script (fullwidth `'２'` is 2);
 * `'2.0'`, `'1e0'`, `'0x2'`, `'²'` and `''` are refused. A number must be integral
 * (`2.0` is fine, `2.5` is not), a boolean counts as 1 or 0, and a bigint is converted.
 */
export function parseInteger(value: unknown): number | null {
  switch (typeof value) {
    case 'boolean':
      return value ? 1 : 0;
    case 'bigint':
      return Number(value);
    case 'number':
      return Number.isInteger(value) ? withoutNegativeZero(value) : null;
    case 'string':
      return parseIntegerString(value);
    default:
      return null;
  }
}

function parseIntegerString(text: string): number | null {
  const match = INTEGER.exec(text);
  if (!match) return null;
  let digits = '';
  for (const char of match[2]) {
    if (char !== '_') digits += String(decimalValue(char));
  }
  const magnitude = Number(digits);
  return withoutNegativeZero(match[1] === '-' ? -magnitude : magnitude);
}

/**
 * The value of one decimal digit. Unicode assigns decimal digits only in whole runs of
 * ten, 0 to 9, sometimes back to back (the five mathematical alphabets), so the value
 * is the distance from the start of the unbroken run of digits, modulo ten.
 */
function decimalValue(char: string): number {
  const code = char.codePointAt(0)!;
  if (code <= 0x39) return code - 0x30;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/** Python has no `-0`: `int('-0')` is `0`. */
function withoutNegativeZero(number: number): number {
  return number === 0 ? 0 : number;
}
