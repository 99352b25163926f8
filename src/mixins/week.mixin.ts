import { MESSAGES } from '../class-views.messages.js';
import { addDays, weekday } from '../dates/calendar.js';
import { Http404 } from '../exceptions/http404.exception.js';
import type { View } from '../views/view.js';
import { neighbourPeriod, type PeriodBounds } from './date-navigation.js';
import { readDatePart, type DatedView } from './date.mixin.js';
import type { ViewConstructor, ViewStatics } from './view-constructor.js';
import { codedError } from '../utils/coded-message.js';

/** Django's `WeekMixin`: the week a view shows, how it is written, and the weeks around it. */
export function WeekMixin<TBase extends ViewConstructor<View & DatedView>>(Base: TBase & ViewStatics) {
  abstract class WeekMixinView extends Base {
    /**
     * The week's format: `'%U'` (default; weeks start on Sunday, week 0 holds the days
     * before the first Sunday), `'%W'` (start on Monday), or `'%V'` (ISO weeks, with
     * `yearFormat = '%G'`).
     */
    weekFormat = '%U';
    /** The week to show. Default `null`: the URL's `week`, else `?week=`. */
    week: string | number | null = null;

    /** The week's format. Default `weekFormat`. */
    getWeekFormat(): string {
      return this.weekFormat;
    }

    /** The week to show, as written: `week`, else the URL kwarg, else the query parameter, else 404. */
    getWeek(): string {
      return readDatePart(this, this.week, 'week');
    }

    /** The first day of the next week that has objects (or just the next week with `allowEmpty`), or `null`. */
    getNextWeek(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, false, this.weekBounds());
    }

    /** The first day of the previous week that has objects (or just the previous week with `allowEmpty`), or `null`. */
    getPreviousWeek(date: Date): Promise<Date | null> {
      return neighbourPeriod(this, date, true, this.weekBounds());
    }

    /** The first day of the week after `date`'s (404 "Date out of range" after 9999). */
    nextWeekStart(date: Date): Date {
      const next = addDays(date, 7 - this.weekdayOf(date));
      if (!next) throw new Http404(MESSAGES.dateOutOfRange());
      return next;
    }

    /** The week's bounds in this view's week format. */
    weekBounds(): PeriodBounds {
      return {
        current: (date) => addDays(date, -this.weekdayOf(date)) ?? date,
        next: (date) => this.nextWeekStart(date),
      };
    }

    /** Days since the week's first day: Monday first for `%W` and `%V`, Sunday first for `%U`. */
    weekdayOf(date: Date): number {
      const format = this.getWeekFormat();
      if (format === '%W' || format === '%V') return weekday(date);
      if (format === '%U') return (weekday(date) + 1) % 7;
      throw codedError(Error, MESSAGES.weekdayFormatUnknown(format));
    }
  }
  return WeekMixinView;
}
