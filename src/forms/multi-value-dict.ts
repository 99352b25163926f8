import { QueryDict } from '../http/query-dict.js';

/** What a form may be bound to: a parsed request body (urlencoded or JSON), or a `QueryDict`. */
export type FormInput = QueryDict | Readonly<Record<string, unknown>>;

/**
 * A form's data (Django's `MultiValueDict`, which `QueryDict` extends; named so as not to
 * shadow the global `FormData`), read the same whatever the body parser made of it:
 * urlencoded values are strings, a repeated key is an array (or, from Express' `qs`, an
 * object with index keys), JSON values keep their types. `get()` is the last value of a
 * key (Django's `MultiValueDict.get`), `getList()` all of them.
 */
export class MultiValueDict {
  private readonly values: Map<string, readonly unknown[]>;

  constructor(input: FormInput | null | undefined) {
    this.values = new Map();
    if (!input) return;
    if (input instanceof QueryDict) {
      for (const [key, list] of input.entries()) this.values.set(key, list);
      return;
    }
    for (const [key, value] of Object.entries(input)) this.values.set(key, listOf(value));
  }

  /** Whether the data has `key` at all. */
  has(key: string): boolean {
    return this.values.has(key);
  }

  /** The last value of `key`, or `undefined`. */
  get(key: string): unknown {
    const list = this.values.get(key);
    return list && list.length > 0 ? list[list.length - 1] : undefined;
  }

  /** Every value of `key`, in order. */
  getList(key: string): unknown[] {
    return [...(this.values.get(key) ?? [])];
  }

  /** The data as a plain object of last values (what `form.data` shows). */
  toJSON(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const key of this.values.keys()) object[key] = this.get(key);
    return object;
  }
}

function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  // `qs` turns more than 20 repeated keys into an object with index keys.
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) return Object.values(value);
  }
  return [value];
}
