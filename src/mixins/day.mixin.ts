import { MESSAGES } from '../class-views.messages.js';
import { addDays } from '../dates/calendar.js';
import { Http404 } from '../exceptions/http404.exception.js';
import type { View } from '../views/view.js';
import { neighbourPeriod, type PeriodBounds } from './date-navigation.js';
import { readDatePart, type DatedView } from './date.mixin.js';
import type { ViewConstructor, ViewStatics } from './view-constructor.js';

/** A day's bounds: itself, and the day after (404 "Date out of range" after 9999-12-31). */
export const DAY_BOUNDS: PeriodBounds = {
  current: (date) => date,
  next: (date) => {
    const next = addDays(date, 1);
    if (!next) throw new Http404(MESSAGES.dateOutOfRange());
    return next;
  },
};

/** Django's `DayMixin`: the day a view shows, how it is written, and the days around it. */
export function DayMixin<TBase extends ViewConstructor<View & DatedView>>(Base: TBase & ViewStatics) {
  abstract class DayMixinView extends Base {
    /** The day's format, in `strptime()` directives. Default `'%d'` (day of the month); `'%j'` for the day of the year. */
    dayFormat = '%d';
    /** The day to show. Default `null`: the URL's `day`, else `?day=`. */
    day: string | number | null = null;

    /** The day's format. Default `dayFormat`. */
    getDayFormat(): string {
      return this.dayFormat;
    }

    /** The day to show, as written: `day`, else the URL kwarg, else the query parameter, else 404. */
    getDay(): string {
      return readDatePart(this, this.day, 'day');
    }

    /** The next day that has objects (or just the next day with `allowEmpty`), or `null`. */
    getNextDay(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, false, DAY_BOUNDS);
    }

    /** The previous day that has objects (or just the previous day with `allowEmpty`), or `null`. */
    getPreviousDay(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, true, DAY_BOUNDS);
    }
  }
  return DayMixinView;
}
