import type { ObjectSource } from '../data/object-source.interface.js';
import type { Queryset } from '../data/to-object-source.js';
import { dateFromString } from '../dates/parse-date.js';
import { MONTH_BOUNDS, MonthMixin } from '../mixins/month.mixin.js';
import { MultipleObjectTemplateResponseMixin } from '../mixins/multiple-object-template-response.mixin.js';
import { YearMixin } from '../mixins/year.mixin.js';
import { BaseDateListView, type DatedItems } from './date-list.view.js';

/**
 * Django's `BaseMonthArchiveView`: a month's objects, its days that have objects as
 * `date_list`, and `month`, `next_month`, `previous_month`.
 */
export class BaseMonthArchiveView<T = any> extends YearMixin(MonthMixin(BaseDateListView)) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** What `date_list` lists. Default `'day'`. */
  override dateListPeriod: 'year' | 'month' | 'day' = 'day';

  override async getDatedItems(): Promise<DatedItems<T>> {
    const date = dateFromString(this.getYear(), this.getYearFormat(), this.getMonth(), this.getMonthFormat());
    const all = await this.getObjectSource();
    const range = { gte: this.makeDateLookupArg(date, all), lt: this.makeDateLookupArg(MONTH_BOUNDS.next(date), all) };
    // getDateList() answers the 404 of an empty month.
    const source = await this.getDatedQueryset(range, all, { checkEmpty: false });
    const dateList = await this.getDateList(source);
    const [nextMonth, previousMonth] = await Promise.all([this.getNextMonth(date), this.getPreviousMonth(date)]);
    return [dateList, source, { month: date, next_month: nextMonth, previous_month: previousMonth }];
  }
}

/**
 * Django's `MonthArchiveView`: `BaseMonthArchiveView` rendered with `templateName` or
 * `<model>_archive_month.html`.
 *
 * @example
 * @ClassView('archive/<int:year>/<str:month>/', { name: 'archive-month' })
 * export class BookMonthView extends MonthArchiveView<Book> {
 *   model = Book;
 *   dateField = 'publicationDate';
 * }
 */
export class MonthArchiveView<T = any> extends MultipleObjectTemplateResponseMixin(BaseMonthArchiveView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** Appended to the model name for the default template. Default `'_archive_month'`. */
  override templateNameSuffix = '_archive_month';
}
