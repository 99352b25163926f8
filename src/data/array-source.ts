import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ObjectSource } from './object-source.interface.js';

/** Options of `ArraySource`. */
export interface ArraySourceOptions {
  /** The model's name (`book`). Default: none, so list views add no `<model>_list` key. */
  modelName?: string;
  /** The field `pk` stands for in lookups. Default `'id'`. */
  pkField?: string;
}

/**
 * A plain array as an `ObjectSource`: counted with `length`, sliced in memory,
 * ordered with Django's `'-field'` syntax.
 */
export class ArraySource<T> implements ObjectSource<T> {
  readonly modelName?: string;
  private readonly pkField: string;

  constructor(
    private readonly items: readonly T[],
    options: ArraySourceOptions = {},
  ) {
    this.modelName = options.modelName;
    this.pkField = options.pkField ?? 'id';
  }

  async count(): Promise<number> {
    return this.items.length;
  }

  async slice(offset: number, limit?: number): Promise<T[]> {
    return this.items.slice(offset, limit === undefined ? undefined : offset + limit);
  }

  orderBy(ordering: readonly string[]): ArraySource<T> {
    const keys = ordering.map((field) => (field.startsWith('-') ? { name: field.slice(1), sign: -1 } : { name: field, sign: 1 }));
    const sorted = [...this.items].sort((a, b) => {
      for (const { name, sign } of keys) {
        const left = field(a, name);
        const right = field(b, name);
        if (left === right) continue;
        if (left === undefined || left === null) return -sign;
        if (right === undefined || right === null) return sign;
        return (left < right ? -1 : 1) * sign;
      }
      return 0;
    });
    return new ArraySource(sorted, { modelName: this.modelName, pkField: this.pkField });
  }

  async get(lookup: Readonly<Record<string, unknown>>): Promise<T | null> {
    const entries = Object.entries(lookup).map(([key, value]) => [key === 'pk' ? this.pkField : key, value] as const);
    return this.items.find((item) => entries.every(([key, value]) => looseEquals(field(item, key), value))) ?? null;
  }

  /** Append a new object (a plain object, with the next numeric id when `values` has none) to the array. */
  async create(values: Readonly<Record<string, unknown>>): Promise<T> {
    const object = { [this.pkField]: nextId(this.items, this.pkField), ...values } as T;
    (this.items as T[]).push(object);
    return object;
  }

  /** Assign `values` to `object` in place. */
  async update(object: T, values: Readonly<Record<string, unknown>>): Promise<T> {
    return Object.assign(object as object, values) as T;
  }

  /** Remove `object` from the array. */
  async delete(object: T): Promise<void> {
    const index = this.items.indexOf(object);
    if (index >= 0) (this.items as T[]).splice(index, 1);
  }
}

/** Next to `get()`: the writes of `ArraySource`, which change the array it was given. */
function nextId(items: readonly unknown[], pkField: string): number {
  let max = 0;
  for (const item of items) {
    const id = (item as Record<string, unknown>)[pkField];
    if (typeof id === 'number' && id > max) max = id;
  }
  return max + 1;
}

function field(item: unknown, name: string): any {
  if (item === null || typeof item !== 'object') {
    throw new ImproperlyConfigured(`Cannot order or look up by '${name}': the list holds ${typeof item} values, not objects.`);
  }
  return (item as Record<string, unknown>)[name];
}

/** URL kwargs are typed by their converter, but a `str` pk must still find a numeric id. */
function looseEquals(left: unknown, right: unknown): boolean {
  return left === right || (left !== null && right !== null && String(left) === String(right));
}
