import { codedError } from '../utils/coded-message.js';
import { URL_MESSAGES } from './urls.messages.js';

/** What `reverse()` was given after the name: kwargs by parameter name, or values in route order. */
export interface ReverseValues {
  /** The values by parameter name; `{}` when the values were given in route order. */
  readonly kwargs: Record<string, unknown>;
  /** The values in route order (Django's `args`); `[]` when kwargs were given. */
  readonly args: readonly unknown[];
}

/** Whether `value` is an object literal (kwargs), not a value a converter takes such as a Date. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Read `reverse(name, …values)` as Django reads `reverse(name, args=…, kwargs=…)`: one object
 * literal is the kwargs (nunjucks' `url('x', pk=7)` keyword syntax included), anything else is
 * the values in route order. Django refuses both at once; so does this.
 *
 * @throws TypeError when values in route order and an object of kwargs are mixed.
 */
export function splitReverseValues(name: string, values: readonly unknown[]): ReverseValues {
  if (values.length === 0 || (values.length === 1 && values[0] === undefined)) return { kwargs: {}, args: [] };
  if (values.length === 1 && isPlainObject(values[0])) {
    // nunjucks passes keyword arguments as one object marked `__keywords`.
    const { __keywords: _marker, ...kwargs } = values[0];
    return { kwargs, args: [] };
  }
  if (values.some(isPlainObject)) throw codedError(TypeError, URL_MESSAGES.mixedArgs(name));
  return { kwargs: {}, args: values };
}
