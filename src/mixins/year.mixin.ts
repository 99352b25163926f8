import { MESSAGES } from '../class-views.messages.js';
import { calendarDate } from '../dates/calendar.js';
import { Http404 } from '../exceptions/http404.exception.js';
import type { View } from '../views/view.js';
import { neighbourPeriod, type PeriodBounds } from './date-navigation.js';
import { readDatePart, type DatedView } from './date.mixin.js';
import type { ViewConstructor, ViewStatics } from './view-constructor.js';

/** A year's bounds: its 1 January, and the next one (404 "Date out of range" after 9999). */
export const YEAR_BOUNDS: PeriodBounds = {
  current: (date) => calendarDate(date.getUTCFullYear(), 1, 1)!,
  next: (date) => {
    const next = calendarDate(date.getUTCFullYear() + 1, 1, 1);
    if (!next) throw new Http404(MESSAGES.dateOutOfRange());
    return next;
  },
};

/** Django's `YearMixin`: the year a view shows, how it is written, and the years around it. */
export function YearMixin<TBase extends ViewConstructor<View & DatedView>>(Base: TBase & ViewStatics) {
  abstract class YearMixinView extends Base {
    /** The year's format, in `strptime()` directives. Default `'%Y'` (four digits); `'%G'` for ISO weeks. */
    yearFormat = '%Y';
    /** The year to show. Default `null`: the URL's `year`, else `?year=`. */
    year: string | number | null = null;

    /** The year's format. Default `yearFormat`. */
    getYearFormat(): string {
      return this.yearFormat;
    }

    /** The year to show, as written: `year`, else the URL kwarg, else the query parameter, else 404. */
    getYear(): string {
      return readDatePart(this, this.year, 'year');
    }

    /** The first day of the next year that has objects (or just the next year with `allowEmpty`), or `null`. */
    getNextYear(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, false, YEAR_BOUNDS);
    }

    /** The first day of the previous year that has objects (or just the previous year with `allowEmpty`), or `null`. */
    getPreviousYear(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, true, YEAR_BOUNDS);
    }
  }
  return YearMixinView;
}
