import { avoidWrapping } from './python-values.js';

/** A decimal number as Python's `Decimal` holds it: sign, integer digits, fraction digits. */
interface Decimal {
  negative: boolean;
  integer: string;
  fraction: string;
}

/** What Python's `Decimal()` and `float()` accept, without the backtracking a regular expression could do on long input. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Exponents beyond this are left as they are: expanding `1e999999999` would take time and memory out of proportion to its text. */
const MAX_EXPONENT = 1000;

/** Parse `text` as Python's `Decimal(text)`; `null` if it is not a finite decimal. */
function parseDecimal(text: string): Decimal | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const negative = trimmed.startsWith('-');
  const [mantissa = '', exponentText = '0'] = trimmed.replace(/^[+-]/, '').split(/[eE]/);
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) return null;
  const [integer = '', fraction = ''] = mantissa.split('.');
  let digits = integer + fraction;
  let point = integer.length + exponent;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  return { negative, integer: digits.slice(0, point).replace(/^0+/, '') || '0', fraction: digits.slice(point) };
}

/** Add one to a string of decimal digits. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/** Round to `places` decimals, halves away from zero (Python's `ROUND_HALF_UP`). */
function quantize(number: Decimal, places: number): Decimal {
  const fraction = number.fraction.padEnd(places, '0');
  let kept = number.integer + fraction.slice(0, places);
  if ((fraction[places] ?? '0') >= '5') kept = increment(kept);
  const integer = kept.slice(0, kept.length - places).replace(/^0+/, '') || '0';
  return { negative: number.negative, integer, fraction: kept.slice(kept.length - places) };
}

/** Group the integer digits by three with commas (`1234567` → `1,234,567`). */
function group(integer: string): string {
  const head = integer.length % 3 || 3;
  let text = integer.slice(0, head);
  for (let i = head; i < integer.length; i += 3) text += ',' + integer.slice(i, i + 3);
  return text;
}

/** Python's `str()` of a value for floatformat, and the `Decimal` it reads as. */
function readNumber(value: unknown): { text: string; number: Decimal | null } | null {
  if (typeof value === 'number') {
    const text = Number.isNaN(value)
      ? 'nan'
      : value === Infinity
        ? 'inf'
        : value === -Infinity
          ? '-inf'
          : String(value);
    return { text, number: parseDecimal(text) };
  }
  if (typeof value === 'boolean') return { text: value ? 'True' : 'False', number: parseDecimal(value ? '1' : '0') };
  if (typeof value === 'string' || typeof value === 'bigint' || value instanceof String) {
    const text = String(value);
    const number = parseDecimal(text);
    if (number) return { text, number };
    // Python's Decimal reads these too, and floatformat then gives them back as they are.
    return /^\s*[+-]?(?:nan|inf|infinity)\s*$/i.test(text) ? { text, number: null } : null;
  }
  return null;
}

/**
 * Django 4.2's `floatformat`: one decimal if there is one (`34.26` → `34.3`, `34.0` → `34`);
 * `places` decimals always when positive, only if the number has a fraction when negative;
 * a `g` suffix groups thousands (English: commas), `u` turns localization off (Django's
 * default settings then group nothing). Halves round away from zero. Its text has no
 * HTML special character, so the filter marks it safe, as Django does.
 */
export function floatformat(value: unknown, arg: unknown = -1): string {
  let places = typeof arg === 'number' ? arg : String(arg);
  let grouping = false;
  let localized = true;
  if (typeof places === 'string') {
    const suffix =
      places.slice(-2) === 'gu' || places.slice(-2) === 'ug' ? 2 : places.endsWith('g') || places.endsWith('u') ? 1 : 0;
    const flags = places.slice(places.length - suffix);
    grouping = flags.includes('g');
    localized = !flags.includes('u');
    places = places.slice(0, places.length - suffix) || -1;
  }
  const read = readNumber(value);
  if (!read) return '';
  const p = typeof places === 'number' ? Math.trunc(places) : /^\s*[+-]?\d+\s*$/.test(places) ? Number(places) : NaN;
  if (!Number.isFinite(p) || !read.number) return read.text;
  const hasFraction = /[1-9]/.test(read.number.fraction);
  const rounded = quantize(read.number, !hasFraction && p <= 0 ? 0 : Math.abs(p));
  const zero = !/[1-9]/.test(rounded.integer + rounded.fraction);
  const integer = grouping && localized ? group(rounded.integer) : rounded.integer;
  return `${rounded.negative && !zero ? '-' : ''}${integer}${rounded.fraction ? '.' + rounded.fraction : ''}`;
}

const UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Django's `filesizeformat`: `117.7 MB`, `1 byte`, `0 bytes` for what is not a whole
 * number, with a non-breaking space. One decimal, halves to even (Python's `round()`).
 */
export function filesizeformat(value: unknown): string {
  let bytes: bigint;
  if (typeof value === 'number' && Number.isFinite(value)) bytes = BigInt(Math.trunc(value));
  else if (typeof value === 'bigint') bytes = value;
  else if (typeof value === 'boolean') bytes = value ? 1n : 0n;
  else if ((typeof value === 'string' || value instanceof String) && /^\s*[+-]?\d+\s*$/.test(String(value)))
    bytes = BigInt(String(value).trim());
  else return avoidWrapping('0 bytes');

  const negative = bytes < 0n;
  if (negative) bytes = -bytes;
  let text: string;
  if (bytes < 1024n) {
    text = `${bytes} byte${bytes === 1n ? '' : 's'}`;
  } else {
    let power = 1;
    while (power < UNITS.length && bytes >= 1n << BigInt(10 * (power + 1))) power++;
    const unit = 1n << BigInt(10 * power);
    // Tenths, rounded half to even on the exact quotient.
    let tenths = (bytes * 10n) / unit;
    const twiceRest = ((bytes * 10n) % unit) * 2n;
    if (twiceRest > unit || (twiceRest === unit && tenths % 2n === 1n)) tenths += 1n;
    text = `${tenths / 10n}.${tenths % 10n} ${UNITS[power - 1]}`;
  }
  return avoidWrapping(negative ? `-${text}` : text);
}
