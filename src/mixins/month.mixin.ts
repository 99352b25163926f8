import { MESSAGES } from '../class-views.messages.js';
import { calendarDate } from '../dates/calendar.js';
import { Http404 } from '../exceptions/http404.exception.js';
import type { View } from '../views/view.js';
import { neighbourPeriod, type PeriodBounds } from './date-navigation.js';
import { readDatePart, type DatedView } from './date.mixin.js';
import type { ViewConstructor, ViewStatics } from './view-constructor.js';

/** A month's bounds: its first day, and the next month's (404 "Date out of range" after December 9999). */
export const MONTH_BOUNDS: PeriodBounds = {
  current: (date) => calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)!,
  next: (date) => {
    const month = date.getUTCMonth() + 1;
    const next =
      month === 12 ? calendarDate(date.getUTCFullYear() + 1, 1, 1) : calendarDate(date.getUTCFullYear(), month + 1, 1);
    if (!next) throw new Http404(MESSAGES.dateOutOfRange());
    return next;
  },
};

/** Django's `MonthMixin`: the month a view shows, how it is written, and the months around it. */
export function MonthMixin<TBase extends ViewConstructor<View & DatedView>>(Base: TBase & ViewStatics) {
  abstract class MonthMixinView extends Base {
    /** The month's format, in `strptime()` directives. Default `'%b'` (`jan`, any case); `'%m'` for `01`…`12`. */
    monthFormat = '%b';
    /** The month to show. Default `null`: the URL's `month`, else `?month=`. */
    month: string | number | null = null;

    /** The month's format. Default `monthFormat`. */
    getMonthFormat(): string {
      return this.monthFormat;
    }

    /** The month to show, as written: `month`, else the URL kwarg, else the query parameter, else 404. */
    getMonth(): string {
      return readDatePart(this, this.month, 'month');
    }

    /** The first day of the next month that has objects (or just the next month with `allowEmpty`), or `null`. */
    getNextMonth(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, false, MONTH_BOUNDS);
    }

    /** The first day of the previous month that has objects (or just the previous month with `allowEmpty`), or `null`. */
    getPreviousMonth(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, true, MONTH_BOUNDS);
    }
  }
  return MonthMixinView;
}
