import nunjucks from 'nunjucks';

/**
 * The few Python semantics the Django filters rest on, in JavaScript terms: Python's
 * truth value, `None`, `str()`, Django's `escape()` and its safe strings (nunjucks'
 * `SafeString`, which autoescaping leaves alone).
 */

/** nunjucks' runtime helpers for safe strings, left out of its types (nunjucks 3.2). */
const runtime = nunjucks.runtime as unknown as {
  SafeString: new (value: string) => object;
  markSafe(value: string): string;
  copySafeness(source: unknown, text: string): unknown;
};

/** Python's `None`: `null`, and `undefined`, which is how JavaScript says a property has no value. */
export function isNone(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Python's truth value: empty strings, arrays, maps, sets and objects without keys are false, as are `None`, `0`, `NaN` and `false`. */
export function isTruthy(value: unknown): boolean {
  if (isNone(value) || value === false || value === 0 || value === 0n || Number.isNaN(value)) return false;
  if (typeof value === 'string' || value instanceof String) return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map || value instanceof Set) return value.size > 0;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.keys(value as object).length > 0;
  return true;
}

/** Django's `str(value)` for a text filter, with nunjucks' convention that `null` and `undefined` print as nothing. */
export function toText(value: unknown): string {
  return isNone(value) ? '' : String(value);
}

/** Whether `value` is marked safe (Django's `SafeData`, nunjucks' `SafeString`). */
export function isSafe(value: unknown): boolean {
  return value instanceof runtime.SafeString;
}

/** Mark `text` safe: autoescaping prints it as it is (Django's `mark_safe()`). */
export function markSafe(text: string): string {
  return runtime.markSafe(text);
}

/** `text`, marked safe when `input` was: what Django does for an `is_safe=True` filter. */
export function keepSafeness(input: unknown, text: string): string {
  return runtime.copySafeness(input, text) as string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** Django's `escape()`: `& < > " '` as entities, in one pass. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Django's `avoid_wrapping()`: spaces become non-breaking, so "2 days" stays on one line. */
export function avoidWrapping(text: string): string {
  return text.replaceAll(' ', '\xa0');
}
