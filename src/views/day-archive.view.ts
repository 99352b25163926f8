import type { ObjectSource } from '../data/object-source.interface.js';
import type { Queryset } from '../data/to-object-source.js';
import { dateFromString } from '../dates/parse-date.js';
import { DayMixin } from '../mixins/day.mixin.js';
import { MonthMixin } from '../mixins/month.mixin.js';
import { MultipleObjectTemplateResponseMixin } from '../mixins/multiple-object-template-response.mixin.js';
import { YearMixin } from '../mixins/year.mixin.js';
import { BaseDateListView, type DatedItems } from './date-list.view.js';

/**
 * Django's `BaseDayArchiveView`: a day's objects, and `day`, `next_day`, `previous_day`,
 * `next_month`, `previous_month`; `date_list` is `null`.
 */
export class BaseDayArchiveView<T = any> extends YearMixin(MonthMixin(DayMixin(BaseDateListView))) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;

  /** The items of the day the URL names (year, month and day, in their formats); async, so a date the URL does not give rejects rather than throws. */
  override async getDatedItems(): Promise<DatedItems<T>> {
    const date = dateFromString(
      this.getYear(),
      this.getYearFormat(),
      this.getMonth(),
      this.getMonthFormat(),
      this.getDay(),
      this.getDayFormat(),
    );
    return this.getDatedItemsOfDay(date);
  }

  /** The items of one day (Django's `_get_dated_items()`): what the day and today archives show. */
  async getDatedItemsOfDay(date: Date): Promise<DatedItems<T>> {
    const all = await this.getObjectSource();
    const source = await this.getDatedQueryset(this.makeSingleDateLookup(date, all), all);
    const [previousDay, nextDay, previousMonth, nextMonth] = await Promise.all([
      this.getPreviousDay(date),
      this.getNextDay(date),
      this.getPreviousMonth(date),
      this.getNextMonth(date),
    ]);
    return [
      null,
      source,
      { day: date, previous_day: previousDay, next_day: nextDay, previous_month: previousMonth, next_month: nextMonth },
    ];
  }
}

/**
 * Django's `DayArchiveView`: `BaseDayArchiveView` rendered with `templateName` or
 * `<model>_archive_day.html`.
 *
 * @example
 * @ClassView('archive/<int:year>/<str:month>/<int:day>/', { name: 'archive-day' })
 * export class BookDayView extends DayArchiveView<Book> {
 *   model = Book;
 *   dateField = 'publicationDate';
 * }
 */
export class DayArchiveView<T = any> extends MultipleObjectTemplateResponseMixin(BaseDayArchiveView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** Appended to the model name for the default template. Default `'_archive_day'`. */
  override templateNameSuffix = '_archive_day';
}

/** Django's `BaseTodayArchiveView`: the day archive of today (`today()`, in `timeZone`). */
export class BaseTodayArchiveView<T = any> extends BaseDayArchiveView<T> {
  /** The items of today. */
  override async getDatedItems(): Promise<DatedItems<T>> {
    return this.getDatedItemsOfDay(this.today());
  }
}

/**
 * Django's `TodayArchiveView`: `BaseTodayArchiveView` rendered with `templateName` or
 * `<model>_archive_day.html`.
 *
 * @example
 * @ClassView('today/', { name: 'today' })
 * export class TodayView extends TodayArchiveView<Book> {
 *   model = Book;
 *   dateField = 'publicationDate';
 * }
 */
export class TodayArchiveView<T = any> extends MultipleObjectTemplateResponseMixin(BaseTodayArchiveView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** Appended to the model name for the default template. Default `'_archive_day'`. */
  override templateNameSuffix = '_archive_day';
}
