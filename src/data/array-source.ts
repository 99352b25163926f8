import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { dateKindOf, distinctDates, fieldTime } from '../dates/calendar.js';
import type { DateKind, DateRange, ObjectSource } from './object-source.interface.js';
import { MESSAGES } from '../class-views.messages.js';

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
    const keys = ordering.map((field) =>
      field.startsWith('-') ? { name: field.slice(1), sign: -1 } : { name: field, sign: 1 },
    );
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

  /** The objects whose `field` (a `Date`, or an ISO string such as `2008-02-10`) lies within `range`. */
  filterRange(name: string, range: DateRange): ArraySource<T> {
    const gte = range.gte?.getTime() ?? -Infinity;
    const lt = range.lt?.getTime() ?? Infinity;
    const lte = range.lte?.getTime() ?? Infinity;
    const kept = this.items.filter((item) => {
      const time = fieldTime(field(item, name));
      return time !== null && time >= gte && time < lt && time <= lte;
    });
    return new ArraySource(kept, { modelName: this.modelName, pkField: this.pkField });
  }

  /** `date` when the field's first value is a `YYYY-MM-DD` string, `datetime` when it is a `Date` or another string. */
  dateFieldKind(name: string): 'date' | 'datetime' | undefined {
    for (const item of this.items) {
      const value = field(item, name);
      if (value !== null && value !== undefined) return dateKindOf(value);
    }
    return undefined;
  }

  /** The distinct years, months or days of `field`, grouped in memory. */
  async dates(name: string, kind: DateKind, order: 'ASC' | 'DESC', timeZone: string): Promise<Date[]> {
    return distinctDates(
      this.items.map((item) => field(item, name)),
      kind,
      order,
      timeZone,
    );
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
    throw new ImproperlyConfigured(MESSAGES.arraySourceNotObjects(name, typeof item));
  }
  return (item as Record<string, unknown>)[name];
}

/** URL kwargs are typed by their converter, but a `str` pk must still find a numeric id. */
function looseEquals(left: unknown, right: unknown): boolean {
  return left === right || (left !== null && right !== null && String(left) === String(right));
}
