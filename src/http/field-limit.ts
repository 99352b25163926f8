import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { TooManyFieldsSent } from '../exceptions/too-many-fields-sent.exception.js';
import { MESSAGES } from '../class-views.messages.js';

/** Django's default `DATA_UPLOAD_MAX_NUMBER_FIELDS`. */
export const DEFAULT_MAX_NUMBER_FIELDS = 1000;

/** The `dataUploadMaxNumberFields` option as a number: `Infinity` for `null` (no limit). */
export function maxNumberFieldsOf(option: number | null | undefined): number {
  if (option === undefined) return DEFAULT_MAX_NUMBER_FIELDS;
  if (option === null || option === Infinity) return Infinity;
  if (!Number.isSafeInteger(option) || option < 0)
    throw new ImproperlyConfigured(MESSAGES.badMaxNumberFields(String(option)));
  return option;
}

/**
 * Throw `TooManyFieldsSent` when `text` (a query string or urlencoded body) has more than
 * `max` fields, counted as Python's `parse_qsl()` counts them for Django: one more than its
 * `&`s, empty fields included. Stops counting at `max`, so it costs no more than the limit.
 */
export function checkFieldCount(text: string, max: number): void {
  if (text === '' || max === Infinity) return;
  let fields = 1;
  for (let index = text.indexOf('&'); index !== -1; index = text.indexOf('&', index + 1)) {
    if (++fields > max) throw new TooManyFieldsSent();
  }
  if (fields > max) throw new TooManyFieldsSent();
}

/**
 * Throw `TooManyFieldsSent` when a parsed form body holds more than `max` values (each
 * value of a repeated field counts). For bodies the platform has parsed already: Fastify's
 * form parser has no limit of its own.
 */
export function checkParsedFieldCount(body: object, max: number): void {
  if (max === Infinity) return;
  let fields = 0;
  for (const key in body) {
    if (!Object.hasOwn(body, key)) continue;
    const value = (body as Record<string, unknown>)[key];
    fields += Array.isArray(value) ? value.length : 1;
    if (fields > max) throw new TooManyFieldsSent();
  }
}
