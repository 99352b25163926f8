import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { Repository } from 'typeorm';
import {
  BaseArchiveIndexView,
  BaseDateDetailView,
  BaseDayArchiveView,
  BaseTodayArchiveView,
  BaseWeekArchiveView,
  BaseYearArchiveView,
  ClassViewsModule,
  JsonResponseMixin,
  MonthArchiveView,
  path,
  reverse,
  type Kwargs,
  type UrlPattern,
} from '../../src/index.js';
import { QueryCounter } from '../list/library.js';
import { describeEachDatabase } from '../utils/databases.js';
import { useTestAppOnDatabase } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { Article, articleArray, Book, bookArray, NOW, seedArticles, seedBooks } from './archive.js';
import {
  Archive,
  DayArchive,
  EntryDateDetail,
  MonthArchive,
  part,
  TodayArchive,
  WeekArchive,
  YearArchive,
} from './views.js';

// The same views answering JSON: always for the Base* ones, on Accept for those with templates.
class JsonArchive extends JsonResponseMixin(BaseArchiveIndexView) {
  override jsonFields = ['title'];
  override now() {
    return NOW;
  }
}
class JsonYear extends JsonResponseMixin(BaseYearArchiveView) {
  override jsonFields = ['title'];
  override now() {
    return NOW;
  }
}
class NegotiatedMonth extends JsonResponseMixin(MonthArchiveView) {
  override jsonFields = ['title'];
  override now() {
    return NOW;
  }
}
class JsonWeek extends JsonResponseMixin(BaseWeekArchiveView) {
  override jsonFields = ['title'];
  override now() {
    return NOW;
  }
}
class JsonDay extends JsonResponseMixin(BaseDayArchiveView) {
  override jsonFields = ['title'];
  override now() {
    return NOW;
  }
}
class JsonDateDetail extends JsonResponseMixin(BaseDateDetailView) {
  override jsonFields = ['title'];
  override now() {
    return NOW;
  }
}
class JsonToday extends JsonResponseMixin(BaseTodayArchiveView) {
  override jsonFields = ['title'];
  override now() {
    return NOW;
  }
}

/** Where each source's views are served, and what they read. */
const SOURCES = {
  'orm-article': () => ({ model: Article, dateField: 'pubDate' }),
  'orm-book': () => ({ model: Book, dateField: 'publicationDate' }),
  'array-article': () => ({ queryset: articleArray(), dateField: 'pubDate' }),
  'array-book': () => ({ queryset: bookArray(), dateField: 'publicationDate' }),
} as const;
type SourceName = keyof typeof SOURCES;

function routes(prefix: SourceName): UrlPattern[] {
  const base: Kwargs = SOURCES[prefix]();
  const at = (route: string) => `${prefix}/${route}`;
  return [
    path(at('archive/'), Archive.asView(base)),
    path(at('archive-future/'), Archive.asView({ ...base, allowFuture: true })),
    path(at('archive-paged/'), Archive.asView({ ...base, paginateBy: 2 })),
    path(at('archive-months/'), Archive.asView({ ...base, dateListPeriod: 'month' })),
    path(at('today/'), TodayArchive.asView(base)),
    path(at('query/'), MonthArchive.asView(base)),
    path(at('empty-ok/<int:year>/<str:month>/'), MonthArchive.asView({ ...base, allowEmpty: true })),
    path(at('future/<int:year>/<str:month>/'), MonthArchive.asView({ ...base, allowFuture: true })),
    path(
      at('paris/<int:year>/<str:month>/<int:day>/<int:pk>/'),
      EntryDateDetail.asView({ ...base, timeZone: 'Europe/Paris' }),
    ),
    path(
      at('future-detail/<int:year>/<str:month>/<int:day>/<int:pk>/'),
      EntryDateDetail.asView({ ...base, allowFuture: true }),
    ),
    path(at('paris/<int:year>/<str:month>/<int:day>/'), DayArchive.asView({ ...base, timeZone: 'Europe/Paris' })),
    path(at('paris/<int:year>/<str:month>/'), MonthArchive.asView({ ...base, timeZone: 'Europe/Paris' })),
    path(at('json/archive/'), JsonArchive.asView({ ...base, paginateBy: 4 })),
    path(at('json/today/'), JsonToday.asView(base)),
    path(at('json/<int:year>/'), JsonYear.asView(base)),
    path(at('json/<int:year>/week/<int:week>/'), JsonWeek.asView(base)),
    path(at('json/<int:year>/<str:month>/'), NegotiatedMonth.asView(base)),
    path(at('json/<int:year>/<str:month>/<int:day>/'), JsonDay.asView(base)),
    path(at('json/<int:year>/<str:month>/<int:day>/<int:pk>/'), JsonDateDetail.asView(base)),
    path(at('<int:year>/'), YearArchive.asView(base)),
    path(at('<int:year>/list/'), YearArchive.asView({ ...base, makeObjectList: true })),
    path(at('<int:year>/week/<int:week>/'), WeekArchive.asView(base)),
    path(at('<int:year>/week-mon/<int:week>/'), WeekArchive.asView({ ...base, weekFormat: '%W' })),
    path(at('<int:year>/iso-week/<int:week>/'), WeekArchive.asView({ ...base, weekFormat: '%V', yearFormat: '%G' })),
    path(at('<int:year>/<int:month>/num/'), MonthArchive.asView({ ...base, monthFormat: '%m' })),
    // Before the routes whose <int:…> would refuse `paged` and `jday` with a 404 on Express.
    path(at('<int:year>/<str:month>/paged/'), MonthArchive.asView({ ...base, paginateBy: 2 })),
    path(at('<int:year>/<str:month>/<int:day>/jday/'), DayArchive.asView({ ...base, dayFormat: '%j' })),
    path(at('<int:year>/<str:month>/'), MonthArchive.asView(base), { name: `${prefix}-month` }),
    path(at('<int:year>/<str:month>/<int:day>/'), DayArchive.asView(base), { name: `${prefix}-day` }),
    path(at('<int:year>/<str:month>/<int:day>/<int:pk>/'), EntryDateDetail.asView(base), { name: `${prefix}-detail` }),
  ];
}

/** The queries sent, with their parameters as the driver was given them. */
class Queries extends QueryCounter {
  readonly parameters: unknown[][] = [];
  override logQuery(query: string, parameters?: unknown[]) {
    super.logQuery(query);
    this.parameters.push(parameters ?? []);
  }
  override reset() {
    super.reset();
    this.parameters.length = 0;
  }
}
const counter = new Queries();

/** The titles of the objects listed, sorted when the source's order between equal dates is not defined. */
function titles(text: string, sorted = false): string[] {
  const list = (part(text, 'objects') ?? '').split(',').filter(Boolean);
  return sorted ? list.sort() : list;
}

describeEachDatabase(
  'Date-based views',
  (database) =>
    describe.each(PLATFORMS)('%s', (platform) => {
      const served = useTestAppOnDatabase(platform, database, (connection) => ({
        imports: [
          TypeOrmModule.forRoot({
            ...connection,
            entities: [Article, Book],
            synchronize: true,
            logging: true,
            logger: counter,
          }),
          ClassViewsModule.forRoot({
            templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
            imports: [TypeOrmModule.forFeature([Article, Book])],
            urlpatterns: (Object.keys(SOURCES) as SourceName[]).flatMap(routes),
          }),
        ],
      }));
      const { http } = served;
      beforeAll(async () => {
        await served.app.get<Repository<Article>>('ArticleRepository').save(seedArticles());
        await served.app.get<Repository<Book>>('BookRepository').save(seedBooks());
      });
      beforeEach(() => counter.reset());

      describe.each(Object.keys(SOURCES) as SourceName[])('%s', (source) => {
        const model = source.endsWith('article') ? 'article' : 'book';
        /** A datetime is in the future later today; a date is not. */
        const datetime = model === 'book';
        const get = async (url: string, status = 200) => {
          const res = await http.get(`/${source}/${url}`);
          expect({ url, status: res.status, body: res.status === 200 ? '' : res.body }).toEqual({
            url,
            status,
            body: status === 200 ? '' : expect.anything(),
          });
          return res;
        };
        const notFound = async (url: string, message: string) => {
          const res = await get(url, 404);
          expect(res.body.message).toBe(message);
        };

        describe('ArchiveIndexView', () => {
          it('lists the years that have objects, newest first, and the latest objects as latest, with <model>_archive.html', async () => {
            const { text } = await get('archive/');
            expect(text.startsWith(`${model}_archive|`)).toBe(true);
            expect(part(text, 'date_list')).toBe('2008-01-01,2006-01-01,');
            const expected = datetime
              ? ['June', 'Leap', 'Feb b', 'Feb a', 'New year', 'Old']
              : ['Later today', 'June', 'Leap', 'Feb a', 'Feb b', 'New year', 'Old'];
            expect(titles(text, !datetime)).toEqual(datetime ? expected : [...expected].sort());
            expect(part(text, 'latest')).toBe(String(expected.length));
            expect(part(text, `${model}_list`)).toBeUndefined();
          });

          it('shows the future with allowFuture', async () => {
            const { text } = await get('archive-future/');
            expect(part(text, 'date_list')).toBe('2009-01-01,2008-01-01,2006-01-01,');
            expect(titles(text)[0]).toBe('Next year');
          });

          it("lists the months that have objects with dateListPeriod = 'month', newest first", async () => {
            const { text } = await get('archive-months/');
            expect(part(text, 'date_list')).toBe('2008-06-01,2008-02-01,2008-01-01,2006-05-01,');
          });

          it('paginates through the paginator', async () => {
            const { text } = await get('archive-paged/?page=2');
            expect(part(text, 'page')).toBe(datetime ? '2/3' : '2/4');
            expect(titles(text)).toHaveLength(2);
            await notFound('archive-paged/?page=9', 'Invalid page (9): That page contains no results');
          });
        });

        describe('YearArchiveView', () => {
          it('lists the months that have objects, no objects, and the years around, with <model>_archive_year.html', async () => {
            const { text } = await get('2008/');
            expect(text.startsWith(`${model}_archive_year|`)).toBe(true);
            expect(part(text, 'date_list')).toBe('2008-01-01,2008-02-01,2008-06-01,');
            expect(titles(text)).toEqual([]);
            expect(part(text, `${model}_list`)).toBe('0');
            expect(part(text, 'year')).toBe('2008-01-01');
            expect(part(text, 'previous_year')).toBe('2006-01-01');
            expect(part(text, 'next_year')).toBe('null');
          });

          it('lists the year’s objects with makeObjectList, newest first', async () => {
            const { text } = await get('2008/list/');
            expect(titles(text, true)).toEqual(
              (datetime
                ? ['June', 'Leap', 'Feb b', 'Feb a', 'New year']
                : ['Later today', 'June', 'Leap', 'Feb b', 'Feb a', 'New year']
              ).sort(),
            );
            if (datetime) expect(titles(text)).toEqual(['June', 'Leap', 'Feb b', 'Feb a', 'New year']);
          });

          it('answers a year without objects, or only future ones, with 404 and Django’s message', async () => {
            await notFound('2007/', `No ${model}s available`);
            await notFound('2009/', `No ${model}s available`);
          });

          it('answers a year that is not four digits, or past 9999, with 404', async () => {
            await notFound('208/', 'Invalid date string “208____” given format “%Y____”');
            await notFound('9999/', 'Date out of range');
          });

          it('skips years without objects in its links', async () => {
            const { text } = await get('2006/');
            expect(part(text, 'previous_year')).toBe('null');
            expect(part(text, 'next_year')).toBe('2008-01-01');
          });
        });

        describe('MonthArchiveView', () => {
          it('lists the month’s days that have objects, its objects, and the months around, with <model>_archive_month.html', async () => {
            const { text } = await get('2008/feb/');
            expect(text.startsWith(`${model}_archive_month|`)).toBe(true);
            expect(part(text, 'date_list')).toBe('2008-02-10,2008-02-29,');
            expect(titles(text, true)).toEqual(['Feb a', 'Feb b', 'Leap']);
            expect(titles(text)[0]).toBe('Leap');
            expect(part(text, `${model}_list`)).toBe('3');
            expect(part(text, 'month')).toBe('2008-02-01');
            expect(part(text, 'previous_month')).toBe('2008-01-01');
            expect(part(text, 'next_month')).toBe('2008-06-01');
          });

          it('reads %b in any case, and %m', async () => {
            expect(part((await get('2008/FeB/')).text, 'month')).toBe('2008-02-01');
            expect(part((await get('2008/2/num/')).text, 'date_list')).toBe('2008-02-10,2008-02-29,');
          });

          it('paginates the month’s objects, date_list still listing the whole month', async () => {
            const first = (await get('2008/feb/paged/')).text;
            expect(part(first, 'page')).toBe('1/2');
            expect(titles(first)).toHaveLength(2);
            expect(part(first, 'date_list')).toBe('2008-02-10,2008-02-29,');
            const second = (await get('2008/feb/paged/?page=2')).text;
            expect(part(second, 'page')).toBe('2/2');
            expect([...titles(first), ...titles(second)].sort()).toEqual(['Feb a', 'Feb b', 'Leap']);
            await notFound('2008/feb/paged/?page=3', 'Invalid page (3): That page contains no results');
          });

          it('answers a month it cannot read with 404 and Django’s message: %b takes the abbreviation only', async () => {
            await notFound('2008/february/', 'Invalid date string “2008__february__” given format “%Y__%b__”');
            await notFound('2008/foo/', 'Invalid date string “2008__foo__” given format “%Y__%b__”');
            await notFound('2008/13/num/', 'Invalid date string “2008__13__” given format “%Y__%m__”');
          });

          it('answers an empty month with 404, and a month of the future without allowFuture', async () => {
            await notFound('2008/mar/', `No ${model}s available`);
            await notFound('2008/oct/', `No ${model}s available`);
          });

          it('serves an empty month with allowEmpty, linking to the neighbouring months but never into the future', async () => {
            const march = (await get('empty-ok/2008/mar/')).text;
            expect(part(march, 'date_list')).toBe('');
            expect(titles(march)).toEqual([]);
            expect(part(march, 'previous_month')).toBe('2008-02-01');
            expect(part(march, 'next_month')).toBe('2008-04-01');
            const june = (await get('empty-ok/2008/jun/')).text;
            expect(part(june, 'next_month')).toBe('null');
            expect(part(june, 'previous_month')).toBe('2008-05-01');
          });

          it('shows and links the future with allowFuture', async () => {
            const { text } = await get('future/2008/oct/');
            expect(titles(text)).toEqual(['Autumn']);
            expect(part(text, 'previous_month')).toBe('2008-06-01');
            expect(part(text, 'next_month')).toBe('2009-01-01');
          });

          it('reads the date parts from the query string when the URL has none', async () => {
            await notFound('query/', 'No year specified');
            await notFound('query/?year=2008', 'No month specified');
            expect(part((await get('query/?year=2008&month=feb')).text, 'month')).toBe('2008-02-01');
          });
        });

        describe('WeekArchiveView', () => {
          it('lists a %U week (from Sunday) and the weeks around, with <model>_archive_week.html and no date_list', async () => {
            const { text } = await get('2008/week/6/');
            expect(text.startsWith(`${model}_archive_week|`)).toBe(true);
            expect(part(text, 'date_list')).toBe('null');
            expect(titles(text, true)).toEqual(['Feb a', 'Feb b']);
            expect(part(text, 'week')).toBe('2008-02-10');
            expect(part(text, 'previous_week')).toBe('2007-12-30');
            expect(part(text, 'next_week')).toBe('2008-02-24');
          });

          it('starts %U week 0 in the year before', async () => {
            const { text } = await get('2008/week/0/');
            expect(titles(text)).toEqual(['New year']);
            expect(part(text, 'week')).toBe('2007-12-30');
            expect(part(text, 'previous_week')).toBe('2006-04-30');
            expect(part(text, 'next_week')).toBe('2008-02-10');
          });

          it('reads %W weeks (from Monday) and ISO weeks (%G, %V)', async () => {
            const monday = (await get('2008/week-mon/5/')).text;
            expect(part(monday, 'week')).toBe('2008-02-04');
            expect(titles(monday, true)).toEqual(['Feb a', 'Feb b']);
            expect(part(monday, 'next_week')).toBe('2008-02-25');
            const iso = (await get('2008/iso-week/6/')).text;
            expect(part(iso, 'week')).toBe('2008-02-04');
            expect(titles(iso, true)).toEqual(['Feb a', 'Feb b']);
          });

          it('starts %W week 0 and ISO week 1 (%G) on Monday 31 December of the year before', async () => {
            const monday = (await get('2008/week-mon/0/')).text;
            expect(part(monday, 'week')).toBe('2007-12-31');
            expect(titles(monday)).toEqual(['New year']);
            expect(part(monday, 'previous_week')).toBe('2006-05-01');
            const iso = (await get('2008/iso-week/1/')).text;
            expect(part(iso, 'week')).toBe('2007-12-31');
            expect(titles(iso)).toEqual(['New year']);
            expect(part(iso, 'previous_week')).toBe('2006-05-01');
            expect(part(iso, 'next_week')).toBe('2008-02-04');
            // ISO 2008 has 52 weeks: Python's strptime() reads its week 53 as 29 December 2008, in the future.
            await notFound('2008/iso-week/53/', `No ${model}s available`);
          });

          it('answers a week without objects, or a week it cannot read, with 404', async () => {
            await notFound('2008/week/7/', `No ${model}s available`);
            await notFound('2008/week/54/', 'Invalid date string “2008__0__54” given format “%Y__%w__%U”');
          });
        });

        describe('DayArchiveView', () => {
          it('lists a day’s objects and the days and months around, with <model>_archive_day.html', async () => {
            const { text } = await get('2008/feb/10/');
            expect(text.startsWith(`${model}_archive_day|`)).toBe(true);
            expect(part(text, 'date_list')).toBe('null');
            expect(titles(text, true)).toEqual(['Feb a', 'Feb b']);
            expect(part(text, 'day')).toBe('2008-02-10');
            expect(part(text, 'previous_day')).toBe('2008-01-01');
            expect(part(text, 'next_day')).toBe('2008-02-29');
            expect(part(text, 'previous_month')).toBe('2008-01-01');
            expect(part(text, 'next_month')).toBe('2008-06-01');
          });

          it('serves a leap day, and answers a day that does not exist with Django’s message', async () => {
            expect(titles((await get('2008/feb/29/')).text)).toEqual(['Leap']);
            await notFound('2008/feb/31/', 'Invalid date string “2008__feb__31” given format “%Y__%b__%d”');
            await notFound('2007/feb/29/', 'Invalid date string “2007__feb__29” given format “%Y__%b__%d”');
            await notFound('2008/feb/11/', `No ${model}s available`);
          });

          it("reads the day of the year with dayFormat = '%j', which wins over the month, as Python’s strptime()", async () => {
            const { text } = await get('2008/jan/60/jday/');
            expect(part(text, 'day')).toBe('2008-02-29');
            expect(titles(text)).toEqual(['Leap']);
            await notFound('2008/jan/367/jday/', 'Invalid date string “2008__jan__367” given format “%Y__%b__%j”');
          });

          it('reads a datetime’s day in the view’s time zone', async () => {
            if (!datetime) {
              // A date is in no time zone: the article of the 10th stays on the 10th.
              await notFound('paris/2008/feb/11/', 'No articles available');
              expect((await get('paris/2008/feb/10/4/')).text.trim()).toBe('article_detail|Feb b|Feb b');
              return;
            }
            const { text } = await get('paris/2008/feb/11/');
            expect(titles(text)).toEqual(['Feb b']);
            expect(part(text, 'previous_day')).toBe('2008-02-10');
            expect(part(text, 'next_day')).toBe('2008-02-29');
            expect((await get('paris/2008/feb/11/4/')).text.trim()).toBe('book_detail|Feb b|Feb b');
            await notFound('paris/2008/feb/10/4/', 'No book found matching the query');
            expect(titles((await get('paris/2008/feb/10/')).text)).toEqual(['Feb a']);
            expect(part((await get('paris/2008/feb/')).text, 'date_list')).toBe('2008-02-10,2008-02-11,2008-02-29,');
          });
        });

        describe('TodayArchiveView', () => {
          it('lists today’s objects by the view’s clock; later today is the future for a datetime only', async () => {
            const { text } = await get('today/');
            expect(text.startsWith(`${model}_archive_day|`)).toBe(true);
            expect(titles(text, true)).toEqual(datetime ? ['June'] : ['June', 'Later today']);
            expect(part(text, 'day')).toBe('2008-06-15');
            expect(part(text, 'previous_day')).toBe('2008-02-29');
            expect(part(text, 'next_day')).toBe('null');
          });
        });

        describe('URLs', () => {
          it('reverses the archive routes (<int:year>/<str:month>/<int:day>/) to URLs that serve them', async () => {
            const month = reverse(`${source}-month`, { year: 2008, month: 'feb' });
            expect(month).toBe(`/${source}/2008/feb/`);
            expect(part((await http.get(month)).text, 'month')).toBe('2008-02-01');
            const day = reverse(`${source}-day`, { year: 2008, month: 'feb', day: 29 });
            expect(titles((await http.get(day)).text)).toEqual(['Leap']);
            const detail = reverse(`${source}-detail`, { year: 2008, month: 'feb', day: 29, pk: 5 });
            expect(detail).toBe(`/${source}/2008/feb/29/5/`);
            expect((await http.get(detail)).text.trim()).toBe(`${model}_detail|Leap|Leap`);
          });
        });

        describe('JSON answers', () => {
          const json = async (url: string, status = 200) => {
            const res = await http.get(`/${source}/${url}`).set('Accept', 'application/json');
            expect({ url, status: res.status }).toEqual({ url, status });
            expect(res.headers['content-type']).toMatch(/^application\/json/);
            return res.body as Record<string, unknown> & { object_list: Array<{ title: string }> };
          };
          const listed = (body: { object_list: Array<{ title: string }> }) =>
            body.object_list.map((object) => object.title).sort();

          it('gives the archive index’s years as date_list, newest first, beside the page of latest objects', async () => {
            const body = await json('json/archive/');
            expect({ ...body, object_list: body.object_list.length }).toEqual({
              object_list: 4,
              page: expect.objectContaining({ number: 1, numPages: 2, count: datetime ? 6 : 7, hasNext: true }),
              date_list: ['2008-01-01', '2006-01-01'],
            });
          });

          it('gives a year’s months, the year and the years around it, as YYYY-MM-DD', async () => {
            expect(await json('json/2008/')).toEqual({
              object_list: [],
              page: null,
              date_list: ['2008-01-01', '2008-02-01', '2008-06-01'],
              year: '2008-01-01',
              next_year: null,
              previous_year: '2006-01-01',
            });
          });

          it('gives a month’s days, the month and the months around it to a client that asks for JSON, and the page to others', async () => {
            const body = await json('json/2008/feb/');
            expect(listed(body)).toEqual(['Feb a', 'Feb b', 'Leap']);
            expect({ ...body, object_list: undefined }).toEqual({
              object_list: undefined,
              page: null,
              date_list: ['2008-02-10', '2008-02-29'],
              month: '2008-02-01',
              next_month: '2008-06-01',
              previous_month: '2008-01-01',
            });
            const page = await http.get(`/${source}/json/2008/feb/`);
            expect(page.text.startsWith(`${model}_archive_month|`)).toBe(true);
            expect(page.headers.vary).toContain('Accept');
          });

          it('gives a week’s first day and the weeks around it, and date_list null', async () => {
            const body = await json('json/2008/week/0/');
            expect(body).toEqual({
              object_list: [{ title: 'New year' }],
              page: null,
              date_list: null,
              week: '2007-12-30',
              next_week: '2008-02-10',
              previous_week: '2006-04-30',
            });
          });

          it('gives a day, the days and months around it, and today’s by the view’s clock', async () => {
            const body = await json('json/2008/feb/29/');
            expect(body).toEqual({
              object_list: [{ title: 'Leap' }],
              page: null,
              date_list: null,
              day: '2008-02-29',
              next_day: '2008-06-15',
              previous_day: '2008-02-10',
              next_month: '2008-06-01',
              previous_month: '2008-01-01',
            });
            const today = await json('json/today/');
            expect(listed(today)).toEqual(datetime ? ['June'] : ['June', 'Later today']);
            expect(today).toMatchObject({
              day: '2008-06-15',
              next_day: null,
              previous_day: '2008-02-29',
              next_month: null,
              previous_month: '2008-02-01',
            });
          });

          it('answers an empty period with 404 and Django’s message', async () => {
            const res = await http.get(`/${source}/json/2008/mar/`).set('Accept', 'application/json');
            expect(res.status).toBe(404);
            expect(res.body.message).toBe(`No ${model}s available`);
          });

          it('gives a date detail’s object, and a future one 404 with Django’s message', async () => {
            expect(await json('json/2008/feb/29/5/')).toEqual({ object: { title: 'Leap' } });
            const future = await http.get(`/${source}/json/2008/oct/1/8/`);
            expect(future.status).toBe(404);
            expect(future.body.message).toBe(
              `Future ${model}s not available because JsonDateDetail.allowFuture is False.`,
            );
          });
        });

        describe('DateDetailView', () => {
          it('shows the object of that date and pk with <model>_detail.html', async () => {
            expect((await get('2008/feb/10/3/')).text.trim()).toBe(`${model}_detail|Feb a|Feb a`);
            expect((await get('2008/jun/15/7/')).text.trim()).toBe(`${model}_detail|Later today|Later today`);
          });

          it('answers another date’s pk with 404', async () => {
            await notFound('2008/feb/11/3/', `No ${model} found matching the query`);
          });

          it('answers a future date with 404 and Django’s message', async () => {
            await notFound(
              '2008/oct/1/8/',
              `Future ${model}s not available because EntryDateDetail.allowFuture is False.`,
            );
          });

          it('shows a future date with allowFuture', async () => {
            expect((await get('future-detail/2008/oct/1/8/')).text.trim()).toBe(`${model}_detail|Autumn|Autumn`);
          });
        });
      });

      it('filters a TypeORM source with a range in SQL and groups date_list with SELECT DISTINCT: strftime() on SQLite (sql.js and better-sqlite3), date_trunc() on PostgreSQL', async () => {
        await http.get('/orm-book/2008/feb/');
        const sql = counter.selects.join('\n');
        // date_list (which also answers the 404 of an empty month), the next and previous
        // months, the list: four queries, as a hand-written controller makes.
        expect(counter.selects).toHaveLength(4);
        if (database !== 'postgres') {
          // TypeORM 1.x quotes the alias in ORDER BY, 0.3 does not.
          const grouped = `SELECT DISTINCT strftime('%Y-%m-%d', "book"."publicationDate") AS "period" FROM "book" "book" WHERE "book"."publicationDate" >= ? AND "book"."publicationDate" < ? AND "book"."publicationDate" <= ? ORDER BY`;
          expect([`${grouped} "period" ASC`, `${grouped} period ASC`].some((query) => sql.includes(query))).toBe(true);
          // No separate empty check, no COUNT over the period.
          expect(sql).not.toContain('COUNT(');
        } else {
          expect(sql).toContain(
            `SELECT DISTINCT to_char(date_trunc('day', "book"."publicationDate"), 'YYYY-MM-DD') AS "period" FROM "book" "book"`,
          );
        }
      });

      it('reads a datetime’s day in a non-UTC zone on the database: Paris midnights as bounds, the grouping by UTC quarter hour on SQLite, AT TIME ZONE on PostgreSQL', async () => {
        const res = await http.get('/orm-book/paris/2008/feb/');
        expect(part(res.text, 'date_list')).toBe('2008-02-10,2008-02-11,2008-02-29,');
        const grouping = counter.selects.find((query) => query.includes('DISTINCT'))!;
        const parameters = counter.parameters[counter.queries.indexOf(grouping)]!;
        if (database === 'postgres') {
          expect(grouping).toContain(
            `SELECT DISTINCT to_char(date_trunc('day', ("book"."publicationDate") AT TIME ZONE 'UTC' AT TIME ZONE $1), 'YYYY-MM-DD') AS "period"`,
          );
          expect(parameters).toContain('Europe/Paris');
        } else {
          // SQLite knows no time zones (Django registers its own functions for them): the
          // distinct UTC quarter hours are read, and their Paris days found in memory.
          const quarter = `strftime('%Y-%m-%dT%H', "book"."publicationDate") || ':' || printf('%02d', CAST(strftime('%M', "book"."publicationDate") AS INTEGER) / 15 * 15) || 'Z'`;
          expect(grouping).toContain(`SELECT DISTINCT ${quarter} AS "period" FROM "book" "book"`);
          // TypeORM stores a Date on SQLite as UTC text, and compares the bounds as the same text.
          expect(parameters.slice(0, 2)).toEqual(['2008-01-31 23:00:00.000', '2008-02-29 23:00:00.000']);
        }
      });
    }),
  { betterSqlite3: true },
);
