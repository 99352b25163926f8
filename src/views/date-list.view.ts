import { MESSAGES } from '../class-views.messages.js';
import type { DateKind, DateRange, ObjectSource } from '../data/object-source.interface.js';
import type { Queryset } from '../data/to-object-source.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse, HttpResponseInit } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { isoDate } from '../dates/calendar.js';
import { AnswerMixin } from '../mixins/answer.mixin.js';
import { ConditionalGetMixin } from '../mixins/conditional-get.mixin.js';
import { DateMixin } from '../mixins/date.mixin.js';
import { MultipleObjectMixin } from '../mixins/multiple-object.mixin.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import { View } from './view.js';
import { codedError } from '../utils/coded-message.js';

/** What `getDatedItems()` returns: `date_list` (or `null`), the objects, and more context. */
export type DatedItems<T = any> = [dateList: Date[] | null, objectList: ObjectSource<T>, extraContext: TemplateContext];

/** The context's dates a JSON answer carries, under the same names: `date_list`, the period and its neighbours. */
export const DATE_CONTEXT_KEYS = [
  'date_list',
  ...['year', 'month', 'week', 'day'].flatMap((period) => [period, `next_${period}`, `previous_${period}`]),
];

/**
 * Django's `BaseDateListView`: a list of objects chosen by date, with `date_list` in the
 * context. Subclasses say which objects in `getDatedItems()`; `allowEmpty` is `false`, and
 * the list is newest first unless `ordering` says otherwise. The context is answered as a
 * page (`renderAnswer()`): a template with the concrete views, JSON with
 * `JsonResponseMixin`, whose body adds the dates of `getContextJson()` to the objects.
 */
export class BaseDateListView<T = any> extends AnswerMixin(MultipleObjectMixin(DateMixin(ConditionalGetMixin(View)))) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** Serve a period without objects (else 404 `No books available`). Default `false`, unlike `ListView`. */
  override allowEmpty = false;
  /** What `date_list` lists when `getDateList()` is given no kind: `'year'` (default), `'month'` or `'day'`. */
  dateListPeriod: DateKind = 'year';
  /** The dates of `date_list`, set by `get()`. */
  dateList: Date[] | null = null;

  async get(_request: ViewRequest, _args: readonly unknown[], _kwargs: unknown): Promise<HttpResponse> {
    const [dateList, objectList, extraContext] = await this.getDatedItems();
    this.dateList = dateList;
    this.objectList = objectList;
    const notModified = await this.checkNotModified();
    if (notModified) return notModified;
    await this.loadObjectList();
    return this.withValidators(
      this.renderAnswer({ kind: 'page', context: this.getContextData({ date_list: dateList, ...extraContext }) }),
    );
  }

  /**
   * What the JSON body carries besides `object_list` and `page` (`JsonResponseMixin` adds
   * it): the context's `date_list` and the period it shows with its neighbours (`year`,
   * `next_year`, `previous_year`; `month`…; `week`…; `day`…), under the context's names,
   * each calendar date as an ISO `YYYY-MM-DD` string and a missing neighbour as `null`.
   *
   * @example
   * // GET /archive/2008/feb/ with Accept: application/json, on JsonResponseMixin(MonthArchiveView):
   * // { "object_list": […], "page": null, "date_list": ["2008-02-10", "2008-02-29"],
   * //   "month": "2008-02-01", "next_month": "2008-06-01", "previous_month": "2008-01-01" }
   */
  getContextJson(context: TemplateContext): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const key of DATE_CONTEXT_KEYS) {
      if (key in context) data[key] = dateJson(context[key]);
    }
    return data;
  }

  /** `date_list`, the objects and more context for this request. Each date view implements it. */
  getDatedItems(): Promise<DatedItems<T>> {
    throw codedError(Error, MESSAGES.noDatedItems());
  }

  /** The ordering. Default `ordering`, else newest first (`-<dateField>`). */
  override getOrdering(): string | readonly string[] | null {
    return this.ordering === null ? `-${this.getDateField()}` : this.ordering;
  }

  /** The period `date_list` lists by default. Default `dateListPeriod`. */
  getDateListPeriod(): DateKind {
    return this.dateListPeriod;
  }

  /**
   * The objects within `range` (of `source`, default `getObjectSource()`), without future
   * ones unless `allowFuture`; 404 `No books available` when there are none and not `allowEmpty`.
   *
   * @param options - `checkEmpty: false` when the caller asks `getDateList()` of the result
   *   next, which answers the same 404 from its own query (one query less). Default `true`.
   */
  async getDatedQueryset(
    range: DateRange = {},
    source?: ObjectSource<T>,
    options: { checkEmpty?: boolean } = {},
  ): Promise<ObjectSource<T>> {
    const all = source ?? (await this.getObjectSource());
    const bounds = { ...range };
    if (!this.getAllowFuture()) {
      const future = this.futureBound(all);
      bounds.lte = bounds.lte && bounds.lte < future ? bounds.lte : future;
    }
    const dated = Object.keys(bounds).length > 0 ? this.filterByDate(all, bounds) : all;
    if ((options.checkEmpty ?? true) && !this.getAllowEmpty()) {
      // A cheap EXISTS where the source has one. Django asks len(qs) when it does not paginate,
      // which loads the rows into the queryset's cache for the list; a source has no such
      // cache, so counting would be one more query over the whole period.
      const empty = dated.exists ? !(await dated.exists()) : (await dated.count()) === 0;
      if (empty) throw new Http404(MESSAGES.nothingAvailable(this.verboseNamePluralOf(dated)));
    }
    return dated;
  }

  /** The distinct periods of the objects (`getDateListPeriod()` by default), in `ordering`; 404 when none and not `allowEmpty`. */
  async getDateList(
    source: ObjectSource<T>,
    dateType: DateKind = this.getDateListPeriod(),
    ordering: 'ASC' | 'DESC' = 'ASC',
  ): Promise<Date[]> {
    if (!source.dates) throw new ImproperlyConfigured(MESSAGES.sourceWithoutDates(this.constructor.name, 'dates'));
    const timeZone = this.datetimeFieldIn(source) ? this.getTimeZone() : 'UTC';
    const dateList = await source.dates(this.getDateField(), dateType, ordering, timeZone);
    if (dateList.length === 0 && !this.getAllowEmpty())
      throw new Http404(MESSAGES.nothingAvailable(this.verboseNamePluralOf(source)));
    return dateList;
  }

  /** Turn the context into a response; the date views render a template, `JsonResponseMixin` answers JSON. */
  renderToResponse(_context: TemplateContext, _init?: HttpResponseInit): HttpResponse {
    throw new ImproperlyConfigured(
      MESSAGES.noRenderToResponse(this.constructor.name, 'ArchiveIndexView (or another date view)'),
    );
  }
}

/** A context value as JSON: a calendar date as `YYYY-MM-DD`, a list of them as a list; others as they are. */
function dateJson(value: unknown): unknown {
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return value.map(dateJson);
  return value ?? null;
}
