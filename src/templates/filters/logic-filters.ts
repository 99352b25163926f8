import { isNone, isTruthy } from './python-values.js';

/** Django's `default`: `arg` when the value is false in Python's sense (`""`, `0`, `[]`, `None`…). */
export function defaultFilter(value: unknown, arg: unknown): unknown {
  return isTruthy(value) ? value : arg;
}

/** Django's `default_if_none`: `arg` only when the value is `None` (`null` or `undefined`). */
export function defaultIfNone(value: unknown, arg: unknown): unknown {
  return isNone(value) ? arg : value;
}

/**
 * Django's `yesno`: "yes,no,maybe" (or `arg`) picked by true, false and `None`; with two
 * choices `None` takes the second; with fewer the value comes back as it is.
 */
export function yesno(value: unknown, arg = 'yes,no,maybe'): unknown {
  const bits = String(arg).split(',');
  if (bits.length < 2) return value;
  const [yes, no] = bits as [string, string];
  const maybe = bits.length === 3 ? bits[2]! : no;
  if (isNone(value)) return maybe;
  return isTruthy(value) ? yes : no;
}

/** Python's `float(value)` for the strings it accepts (`" 1 "`, `"1.0"`, `"1e0"`, `"nan"`, `"inf"`), `null` otherwise. */
function toFloat(value: string): number | null {
  const text = value.trim();
  if (/^[+-]?(?:nan|inf|infinity)$/i.test(text))
    return /nan/i.test(text) ? Number.NaN : text.startsWith('-') ? -Infinity : Infinity;
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
}

/**
 * Django's `pluralize`: `""` for one and `"s"` otherwise; `arg` gives the plural suffix
 * (`"es"`) or both (`"y,ies"`). The value is a number, a numeric string, or a collection
 * whose size counts; anything else gives `""`.
 */
export function pluralize(value: unknown, arg = 's'): string {
  const bits = (String(arg).includes(',') ? String(arg) : `,${arg}`).split(',');
  if (bits.length > 2) return '';
  const [singular, plural] = bits as [string, string];
  let count: number | null = null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') count = Number(value);
  else if (typeof value === 'string' || value instanceof String) count = toFloat(String(value));
  else if (Array.isArray(value)) count = value.length;
  else if (value instanceof Map || value instanceof Set) count = value.size;
  else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    count = Object.keys(value).length;
  if (count === null) return '';
  return count === 1 ? singular : plural;
}
