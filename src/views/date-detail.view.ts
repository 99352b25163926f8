import { MESSAGES } from '../class-views.messages.js';
import type { Queryset } from '../data/to-object-source.js';
import { toObjectSource } from '../data/to-object-source.js';
import { dateFromString } from '../dates/parse-date.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { DateMixin } from '../mixins/date.mixin.js';
import { DayMixin } from '../mixins/day.mixin.js';
import { MonthMixin } from '../mixins/month.mixin.js';
import { SingleObjectTemplateResponseMixin } from '../mixins/single-object-template-response.mixin.js';
import { YearMixin } from '../mixins/year.mixin.js';
import { BaseDetailView } from './detail.view.js';

/**
 * Django's `BaseDateDetailView`: one object, found by its date (the URL's year, month
 * and day) and its pk or slug; a date in the future is a 404 unless `allowFuture`.
 */
export class BaseDateDetailView<T = any> extends YearMixin(MonthMixin(DayMixin(DateMixin(BaseDetailView)))) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;

  /** The object of the URL's date and pk or slug, or 404. */
  override async getObject(queryset?: Queryset<any>): Promise<any> {
    const date = dateFromString(
      this.getYear(),
      this.getYearFormat(),
      this.getMonth(),
      this.getMonthFormat(),
      this.getDay(),
      this.getDayFormat(),
    );
    const source = toObjectSource(queryset ?? (await this.getQueryset()), this.constructor.name);
    if (!this.getAllowFuture() && date.getTime() > this.today().getTime()) {
      throw new Http404(MESSAGES.futureNotAvailable(this.verboseNamePluralOf(source), this.constructor.name));
    }
    return super.getObject(this.filterByDate(source, this.makeSingleDateLookup(date, source)));
  }
}

/**
 * Django's `DateDetailView`: `BaseDateDetailView` rendered with `templateName` or
 * `<model>_detail.html`.
 *
 * @example
 * @ClassView('archive/<int:year>/<str:month>/<int:day>/<slug:slug>/', { name: 'book-by-date' })
 * export class BookDateDetailView extends DateDetailView<Book> {
 *   model = Book;
 *   dateField = 'publicationDate';
 * }
 */
export class DateDetailView<T = any> extends SingleObjectTemplateResponseMixin(BaseDateDetailView) {
  /** The object shown, edited or deleted, typed as `T`: `null` until the handler sets it. */
  declare object: T | null;
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
}
