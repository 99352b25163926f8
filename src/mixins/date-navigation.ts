import { MESSAGES } from '../class-views.messages.js';
import { addDays, fieldDate } from '../dates/calendar.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { DateRange } from '../data/object-source.interface.js';
import type { DatedView } from './date.mixin.js';

/** A period's bounds: its first day, and the first day of the period after it (may 404 "Date out of range"). */
export interface PeriodBounds {
  /** The first day of the period `date` is in. */
  current(date: Date): Date;
  /** The first day of the period after the one `date` is in. */
  next(date: Date): Date;
}

/**
 * Django's `_get_next_prev()`: the first day of the period after (or before) the one
 * `date` is in. With `allowEmpty` that neighbour as it is, unless it lies in the future
 * and `allowFuture` is off; otherwise the nearest period that has an object (never one in
 * the future unless `allowFuture`), or `null`.
 */
export async function neighbourPeriod(
  view: DatedView,
  date: Date,
  isPrevious: boolean,
  bounds: PeriodBounds,
): Promise<Date | null> {
  const allowFuture = view.getAllowFuture();
  const start = bounds.current(date);
  const end = bounds.next(date);
  if (view.getAllowEmpty?.()) {
    const dayBefore = addDays(start, -1);
    const result = isPrevious ? dayBefore && bounds.current(dayBefore) : end;
    if (!result) return null;
    return allowFuture || result.getTime() <= view.today().getTime() ? result : null;
  }
  const field = view.getDateField();
  const source = await view.getObjectSource();
  const range: { -readonly [K in keyof DateRange]: DateRange[K] } = isPrevious
    ? { lt: view.makeDateLookupArg(start, source) }
    : { gte: view.makeDateLookupArg(end, source) };
  if (!allowFuture) range.lte = view.futureBound(source);
  const ordered = view.filterByDate(source, range);
  if (!ordered.orderBy) throw new ImproperlyConfigured(MESSAGES.sourceWithoutDates(view.constructor.name, 'orderBy'));
  const [first] = await ordered.orderBy([isPrevious ? `-${field}` : field]).slice(0, 1);
  if (first === undefined) return null;
  const found = fieldDate((first as Record<string, unknown>)[field], view.getTimeZone());
  return found && bounds.current(found);
}
