import { MESSAGES } from '../class-views.messages.js';
import { addDays, checkTimeZone, dateInZone, startOfDateInZone } from '../dates/calendar.js';
import { verboseNamePluralOf } from '../data/model-names.js';
import type { DateRange, ObjectSource } from '../data/object-source.interface.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { timeZoneOf } from '../app-context/view-context.js';
import type { ViewConstructor } from './view-constructor.js';

/**
 * Django's `DateMixin`: which field dates the objects, whether future objects show, and
 * the clock and time zone dates are read with. Calendar dates (the URL's, `date_list`'s,
 * the context's `year`/`month`/`day`) are `Date`s at 00:00 UTC.
 */
export function DateMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class DateMixinView extends Base {
    /** The date or datetime field the objects are dated by. Required; default `null`. */
    dateField: string | null = null;
    /** Show objects dated after now. Default `false`. */
    allowFuture = false;
    /**
     * Whether `dateField` holds dates and times (Django's `DateTimeField`) rather than
     * dates. Default `null`: the data source says (`dateFieldKind()`), datetime when it cannot.
     */
    usesDatetimeField: boolean | null = null;
    /**
     * The IANA time zone a datetime's day is read in, and today told in (Django's current
     * time zone, with `USE_TZ`): `2008-02-10T23:30Z` is on the 11th in `'Europe/Paris'`.
     * Default `null`: `ClassViewsModule`'s `timeZone` option, else `'UTC'`.
     */
    timeZone: string | null = null;

    /** The field objects are dated by. Default `dateField`, required. */
    getDateField(): string {
      if (this.dateField === null) throw new ImproperlyConfigured(MESSAGES.dateFieldRequired(this.constructor.name));
      return this.dateField;
    }

    /** Whether future objects show. Default `allowFuture`. */
    getAllowFuture(): boolean {
      return this.allowFuture;
    }

    /** The time zone datetimes are read in. Default `timeZone`, else the module's `timeZone` option, else `'UTC'`. */
    getTimeZone(): string {
      return this.timeZone ?? timeZoneOf(this) ?? 'UTC';
    }

    /** Start-up check: `timeZone` is a time zone, and `dateField` is set unless `getDateField()` is overridden. */
    override checkConfiguration(): void {
      super.checkConfiguration();
      if (this.timeZone !== null) checkTimeZone(this.timeZone, this.constructor.name);
      if (this.getDateField === DateMixinView.prototype.getDateField) this.getDateField();
    }

    /** The current instant (Django's `timezone.now()`). Override to pin the clock, in tests for instance. */
    now(): Date {
      return new Date();
    }

    /** Today's calendar date in `getTimeZone()` (Django's `timezone_today()`). */
    today(): Date {
      return dateInZone(this.now(), this.getTimeZone());
    }

    /** Whether `source`'s `dateField` holds datetimes: `usesDatetimeField`, else asked of the source once per request. */
    datetimeFieldIn(source: ObjectSource<any>): boolean {
      this.usesDatetimeField ??= source.dateFieldKind?.(this.getDateField()) !== 'date';
      return this.usesDatetimeField;
    }

    /** A calendar date as a bound on the field: itself for a date field, its first instant for a datetime. */
    makeDateLookupArg(date: Date, source: ObjectSource<any>): Date {
      return this.datetimeFieldIn(source) ? startOfDateInZone(date, this.getTimeZone()) : date;
    }

    /** The range of one calendar date on the field. */
    makeSingleDateLookup(date: Date, source: ObjectSource<any>): DateRange {
      if (!this.datetimeFieldIn(source)) return { gte: date, lte: date };
      const next = addDays(date, 1);
      if (!next) throw new Http404(MESSAGES.dateOutOfRange());
      return { gte: this.makeDateLookupArg(date, source), lt: this.makeDateLookupArg(next, source) };
    }

    /** The bound that hides the future: now for a datetime field, today for a date field. */
    futureBound(source: ObjectSource<any>): Date {
      return this.datetimeFieldIn(source) ? this.now() : this.today();
    }

    /** The objects of `source` within `range`, through the source's `filterRange()`. */
    filterByDate<T>(source: ObjectSource<T>, range: DateRange): ObjectSource<T> {
      if (!source.filterRange)
        throw new ImproperlyConfigured(MESSAGES.sourceWithoutDates(this.constructor.name, 'filterRange'));
      return source.filterRange(this.getDateField(), range);
    }

    /** The source's plural name for messages (`books`). */
    verboseNamePluralOf(source: ObjectSource<any>): string {
      return verboseNamePluralOf(source.verboseName ?? source.modelName ?? 'object');
    }
  }
  return DateMixinView;
}

/** What the next/previous links need of a date view (`DateMixin` and a list's `getAllowEmpty()`). */
export type DatedView = InstanceType<ReturnType<typeof DateMixin>> & {
  /** Whether an empty list is shown rather than a 404 (`MultipleObjectMixin`), when the view has it. */
  getAllowEmpty?(): boolean;
  /** The source of the objects (`getQueryset()` as an `ObjectSource`). */
  getObjectSource(): Promise<ObjectSource<any>>;
};

/**
 * A date part as Django's `get_year()` and the others read it: the view's attribute, else
 * the URL kwarg, else the query parameter of that name, else 404 (`No year specified`).
 */
export function readDatePart(
  view: { kwargs: Record<string, unknown>; request: { query: { get(key: string): string | undefined } } },
  attribute: string | number | null,
  part: 'year' | 'month' | 'week' | 'day',
): string {
  const value = attribute ?? view.kwargs[part] ?? view.request.query.get(part);
  if (value === undefined || value === null) throw new Http404(MESSAGES.noDatePart(part));
  return String(value);
}
