import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { URL_MESSAGES } from './urls.messages.js';
import { codedError } from '../utils/coded-message.js';

/**
 * Describe how one `<converter:name>` part of a route matches URL text and turns it into
 * the value the view receives (Django's path converters).
 *
 * @example
 * const year: PathConverter<number> = {
 *   regex: '[0-9]{4}',
 *   toValue: (raw) => Number(raw),
 *   toUrl: (value) => String(value).padStart(4, '0'),
 * };
 */
export interface PathConverter<T = unknown> {
  /** Regular expression source (no anchors) a URL segment must fully match. */
  readonly regex: string;
  /** Turn the matched text into the value the view receives; throw to make the URL not match (404). */
  toValue(raw: string): T;
  /** Turn a value back into URL text for reverse(); throw to refuse it. */
  toUrl(value: T): string;
}

const identity = (value: unknown): string => String(value);

/**
 * Django's `int` gives a Python int of any size; a JavaScript number is exact only up to
 * `Number.MAX_SAFE_INTEGER` (2^53 - 1). A larger value is refused (the URL does not
 * match: 404) rather than rounded onto a neighbouring id or turned into `Infinity`.
 */
function toSafeInteger(raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw codedError(RangeError, URL_MESSAGES.intOutOfRange(raw));
  return value;
}

/** `int`'s `toUrl()`: refuses what its `toValue()` would refuse, so reverse() never builds a URL that 404s. */
function safeIntegerToUrl(value: unknown): string {
  const text = String(value);
  toSafeInteger(text);
  return text;
}

/** The converters Django ships; their names cannot be registered again. */
const BUILT_IN_CONVERTERS: ReadonlyArray<readonly [string, PathConverter]> = [
  ['str', Object.freeze({ regex: '[^/]+', toValue: (raw: string) => raw, toUrl: identity })],
  ['int', Object.freeze({ regex: '[0-9]+', toValue: toSafeInteger, toUrl: safeIntegerToUrl })],
  ['slug', Object.freeze({ regex: '[-a-zA-Z0-9_]+', toValue: (raw: string) => raw, toUrl: identity })],
  [
    'uuid',
    Object.freeze({
      regex: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      toValue: (raw: string) => raw,
      toUrl: identity,
    }),
  ],
  // Django's '.+' in Python, where '.' stops only at '\n'; JavaScript's '.' also stops at '\r', U+2028 and U+2029.
  ['path', Object.freeze({ regex: '[^\\n]+', toValue: (raw: string) => raw, toUrl: identity })],
];

const registry = new Map<string, PathConverter>(BUILT_IN_CONVERTERS);

/** Characters a converter name cannot hold, since `<name:param>` could not spell it. */
const INVALID_NAME = /^$|[\s<>:]/;

/**
 * Register a custom path converter under `name`, for routes to use as `<name:param>`
 * (Django's `register_converter()`). Register converters before the routes that use them
 * are declared: `path()` looks the converter up at once.
 *
 * @param name - the name routes use; must not be taken (built-ins `str`, `int`, `slug`,
 *   `uuid` and `path` are) and must not contain whitespace, `:`, `<` or `>`.
 * @param converter - its `regex` (unanchored source), `toValue()` and `toUrl()`.
 * @throws ImproperlyConfigured when the name is taken or invalid, or the regex does not compile.
 * @throws TypeError when `converter` lacks a string `regex` or the two functions.
 *
 * @example
 * registerConverter('yyyy', { regex: '[0-9]{4}', toValue: Number, toUrl: (y) => String(y).padStart(4, '0') });
 * path('articles/<yyyy:year>/', ArchiveView.asView());
 */
export function registerConverter<T>(name: string, converter: PathConverter<T>): void {
  if (typeof name !== 'string' || INVALID_NAME.test(name)) {
    throw new ImproperlyConfigured(URL_MESSAGES.invalidConverterName(String(name)));
  }
  if (
    converter === null ||
    typeof converter !== 'object' ||
    typeof converter.regex !== 'string' ||
    typeof converter.toValue !== 'function' ||
    typeof converter.toUrl !== 'function'
  ) {
    throw codedError(TypeError, URL_MESSAGES.notAConverter(name));
  }
  if (registry.has(name)) {
    throw new ImproperlyConfigured(URL_MESSAGES.converterRegistered(name));
  }
  try {
    new RegExp(`^(?:${converter.regex})$`);
  } catch (error) {
    throw new ImproperlyConfigured(URL_MESSAGES.converterBadRegex(name, converter.regex, (error as Error).message));
  }
  registry.set(name, converter);
}

/**
 * Look up a path converter by name, built-in or registered.
 *
 * @returns the converter, or `undefined` when no converter has that name.
 */
export function getConverter(name: string): PathConverter | undefined {
  return registry.get(name);
}
