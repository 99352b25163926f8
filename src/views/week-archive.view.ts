import { MESSAGES } from '../class-views.messages.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import type { Queryset } from '../data/to-object-source.js';
import { dateFromString } from '../dates/parse-date.js';
import { MultipleObjectTemplateResponseMixin } from '../mixins/multiple-object-template-response.mixin.js';
import { WeekMixin } from '../mixins/week.mixin.js';
import { YearMixin } from '../mixins/year.mixin.js';
import { BaseDateListView, type DatedItems } from './date-list.view.js';
import { codedError } from '../utils/coded-message.js';

/** The weekday (`%w`) each week format's weeks start on. */
const WEEK_STARTS: Readonly<Record<string, string>> = { '%U': '0', '%V': '1', '%W': '1' };

/**
 * Django's `BaseWeekArchiveView`: a week's objects, and `week` (its first day),
 * `next_week`, `previous_week`; `date_list` is `null`.
 */
export class BaseWeekArchiveView<T = any> extends YearMixin(WeekMixin(BaseDateListView)) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;

  override async getDatedItems(): Promise<DatedItems<T>> {
    const year = this.getYear();
    const week = this.getWeek();
    const weekFormat = this.getWeekFormat();
    const weekStart = WEEK_STARTS[weekFormat];
    if (weekStart === undefined) throw codedError(Error, MESSAGES.unknownWeekFormat(weekFormat));
    const yearFormat = this.getYearFormat();
    if (weekFormat === '%V' && yearFormat !== '%G')
      throw codedError(Error, MESSAGES.isoWeekWithYear(weekFormat, yearFormat));
    const date = dateFromString(year, yearFormat, weekStart, '%w', week, weekFormat);
    const all = await this.getObjectSource();
    const range = { gte: this.makeDateLookupArg(date, all), lt: this.makeDateLookupArg(this.nextWeekStart(date), all) };
    const source = await this.getDatedQueryset(range, all);
    const [nextWeek, previousWeek] = await Promise.all([this.getNextWeek(date), this.getPreviousWeek(date)]);
    return [null, source, { week: date, next_week: nextWeek, previous_week: previousWeek }];
  }
}

/**
 * Django's `WeekArchiveView`: `BaseWeekArchiveView` rendered with `templateName` or
 * `<model>_archive_week.html`.
 *
 * @example
 * @ClassView('archive/<int:year>/week/<int:week>/', { name: 'archive-week' })
 * export class BookWeekView extends WeekArchiveView<Book> {
 *   model = Book;
 *   dateField = 'publicationDate';
 *   weekFormat = '%W';
 * }
 */
export class WeekArchiveView<T = any> extends MultipleObjectTemplateResponseMixin(BaseWeekArchiveView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** Appended to the model name for the default template. Default `'_archive_week'`. */
  override templateNameSuffix = '_archive_week';
}
