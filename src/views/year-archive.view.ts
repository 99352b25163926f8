import { emptySourceOf } from '../data/empty-source.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import type { Queryset } from '../data/to-object-source.js';
import { dateFromString } from '../dates/parse-date.js';
import { MultipleObjectTemplateResponseMixin } from '../mixins/multiple-object-template-response.mixin.js';
import { YEAR_BOUNDS, YearMixin } from '../mixins/year.mixin.js';
import { BaseDateListView, type DatedItems } from './date-list.view.js';

/**
 * Django's `BaseYearArchiveView`: a year's months that have objects as `date_list`, and
 * `year`, `next_year`, `previous_year`; the objects themselves only with `makeObjectList`.
 */
export class BaseYearArchiveView<T = any> extends YearMixin(BaseDateListView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** What `date_list` lists. Default `'month'`. */
  override dateListPeriod: 'year' | 'month' | 'day' = 'month';
  /** List the year's objects too (else `object_list` is empty). Default `false`. */
  makeObjectList = false;

  /** Whether the year's objects are listed. Default `makeObjectList`. */
  getMakeObjectList(): boolean {
    return this.makeObjectList;
  }

  override async getDatedItems(): Promise<DatedItems<T>> {
    const date = dateFromString(this.getYear(), this.getYearFormat());
    const all = await this.getObjectSource();
    const range = { gte: this.makeDateLookupArg(date, all), lt: this.makeDateLookupArg(YEAR_BOUNDS.next(date), all) };
    // getDateList() answers the 404 of an empty year.
    const source = await this.getDatedQueryset(range, all, { checkEmpty: false });
    const dateList = await this.getDateList(source);
    const [nextYear, previousYear] = await Promise.all([this.getNextYear(date), this.getPreviousYear(date)]);
    const objects = this.getMakeObjectList() ? source : emptySourceOf(source);
    return [dateList, objects, { year: date, next_year: nextYear, previous_year: previousYear }];
  }
}

/**
 * Django's `YearArchiveView`: `BaseYearArchiveView` rendered with `templateName` or
 * `<model>_archive_year.html`.
 *
 * @example
 * @ClassView('archive/<int:year>/', { name: 'archive-year' })
 * export class BookYearView extends YearArchiveView<Book> {
 *   model = Book;
 *   dateField = 'publicationDate';
 *   makeObjectList = true;
 * }
 */
export class YearArchiveView<T = any> extends MultipleObjectTemplateResponseMixin(BaseYearArchiveView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** Appended to the model name for the default template. Default `'_archive_year'`. */
  override templateNameSuffix = '_archive_year';
}
