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
  /** A `QueryDict`'s lists by key; `null` for a plain object. */
  private readonly lists: Map<string, readonly unknown[]> | null = null;
  /**
   * A plain object's own keys and values, copied (the form keeps what it was bound to); each
   * value is read as a list when asked for, so that a form's data costs no list per key.
   */
  private readonly object: Readonly<Record<string, unknown>> = EMPTY;

  constructor(input: FormInput | null | undefined) {
    if (input instanceof QueryDict) this.lists = new Map(input.entries());
    else if (input) this.object = { ...input };
  }

  /** Whether the data has `key` at all. */
  has(key: string): boolean {
    return this.lists ? this.lists.has(key) : Object.hasOwn(this.object, key);
  }

  /** The last value of `key`, or `undefined`. */
  get(key: string): unknown {
    let list: readonly unknown[] | undefined;
    if (this.lists) list = this.lists.get(key);
    else if (Object.hasOwn(this.object, key)) {
      const value = this.object[key];
      // A string (a urlencoded value) or any other single value is its own last value.
      if (value === null || typeof value !== 'object') return value;
      list = listOf(value);
    }
    return list && list.length > 0 ? list[list.length - 1] : undefined;
  }

  /** Every value of `key`, in order. */
  getList(key: string): unknown[] {
    if (this.lists) return [...(this.lists.get(key) ?? [])];
    return Object.hasOwn(this.object, key) ? [...listOf(this.object[key])] : [];
  }

  /** The data as a plain object of last values (what `form.data` shows). */
  toJSON(): Record<string, unknown> {
    // Defined, not assigned: a key `__proto__` is a key like any other.
    const keys = this.lists ? [...this.lists.keys()] : Object.keys(this.object);
    return Object.fromEntries(keys.map((key) => [key, this.get(key)]));
  }
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  // `qs` turns more than 20 repeated keys into an object with index keys.
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) return Object.values(value);
  }
  return [value];
}
