import { describe, expect, it } from '@jest/globals';
import { ArraySource } from '../data/array-source.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { Http404 } from '../exceptions/http404.exception.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { ViewRequest } from '../http/view-request.js';
import { ArchiveIndexView, BaseArchiveIndexView } from './archive-index.view.js';
import { BaseDateListView } from './date-list.view.js';
import { DayArchiveView } from './day-archive.view.js';
import { MonthArchiveView } from './month-archive.view.js';
import type { View } from './view.js';
import { WeekArchiveView } from './week-archive.view.js';
import { YearArchiveView } from './year-archive.view.js';

const NOW = new Date('2008-06-15T12:00:00Z');
const entries = () =>
  new ArraySource(
    [
      { id: 1, title: 'a', pubDate: '2008-02-10' },
      { id: 2, title: 'b', pubDate: '2008-02-29' },
      { id: 3, title: 'c', pubDate: '2008-10-01' },
    ],
    { modelName: 'entry' },
  );

const setUp = <V extends View>(view: V, kwargs: Record<string, unknown> = {}, query = '') => {
  view.setup(new ViewRequest({ headers: {} }, 'GET', `/x/${query}`), [], kwargs);
  return view;
};

describe('Date views misconfiguration', () => {
  it('requires dateField, naming the class', async () => {
    class UndatedArchive extends ArchiveIndexView {
      override queryset = entries();
    }
    await expect(setUp(new UndatedArchive()).getDatedItems()).rejects.toThrow(
      new ImproperlyConfigured('UndatedArchive.dateField is required.'),
    );
  });

  it('refuses to start without dateField, unless getDateField() is overridden', () => {
    class UndatedDay extends DayArchiveView {}
    expect(() => new UndatedDay().checkConfiguration()).toThrow(
      new ImproperlyConfigured('UndatedDay.dateField is required.'),
    );
    class ComputedDay extends DayArchiveView {
      override getDateField() {
        return 'pubDate';
      }
    }
    expect(() => new ComputedDay().checkConfiguration()).not.toThrow();
  });

  it('lets asView() reset the date attributes a subclass narrowed to null', () => {
    class DatedDay extends DayArchiveView {
      override dateField = 'pubDate';
      override year = 2008;
    }
    expect(DatedDay.asView({ dateField: null, year: null }).initkwargs).toEqual({ dateField: null, year: null });
  });

  it('says getDatedItems() is to implement, in Django’s words', () => {
    class BareDateView extends BaseDateListView {}
    expect(() => new BareDateView().getDatedItems()).toThrow(
      'A DateView must provide an implementation of getDatedItems()',
    );
  });

  it('refuses a week format other than %U, %W and %V, and %V without %G, with Django’s messages', async () => {
    class OddWeek extends WeekArchiveView {
      override queryset = entries();
      override dateField = 'pubDate';
    }
    const odd = Object.assign(new OddWeek(), { weekFormat: '%T' });
    await expect(setUp(odd, { year: 2008, week: 6 }).getDatedItems()).rejects.toThrow(
      "Unknown week format '%T'. Choices are: %U, %V, %W",
    );
    const iso = Object.assign(new OddWeek(), { weekFormat: '%V' });
    await expect(setUp(iso, { year: 2008, week: 6 }).getDatedItems()).rejects.toThrow(
      "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead.",
    );
  });

  it('refuses a time zone that does not exist at start-up', () => {
    class Elsewhere extends DayArchiveView {
      override timeZone = 'Mars/Olympus';
    }
    expect(() => new Elsewhere().checkConfiguration()).toThrow(
      new ImproperlyConfigured(
        "Elsewhere.timeZone 'Mars/Olympus' is not a time zone. Use an IANA name such as 'UTC' or 'Europe/Paris'.",
      ),
    );
  });

  it('explains a data source that cannot filter by date', async () => {
    class PlainArchive extends BaseArchiveIndexView {
      override queryset: ObjectSource<unknown> = {
        count: async () => 0,
        slice: async () => [],
        orderBy: () => this.queryset,
      };
      override dateField = 'pubDate';
    }
    await expect(setUp(new PlainArchive()).getDatedItems()).rejects.toThrow(
      'PlainArchive.getQueryset() returned a data source without filterRange(), so it cannot be browsed by date. Return a TypeORM Repository or an array, or add filterRange() to the source.',
    );
  });
});

describe('Date views', () => {
  class Months extends MonthArchiveView {
    override queryset = entries();
    override dateField = 'pubDate';
    override now() {
      return NOW;
    }
  }

  it('takes the date parts from attributes first, then the URL, then the query string', async () => {
    const view = Object.assign(new Months(), { year: '2008', month: 'feb' });
    const [, , extra] = await setUp(view, { year: 1999 }, '?month=jan').getDatedItems();
    expect(extra.month).toEqual(new Date('2008-02-01T00:00:00Z'));
  });

  it('hides the future by the view’s clock, and shows it with allowFuture', async () => {
    class Years extends YearArchiveView {
      override queryset = entries();
      override dateField = 'pubDate';
      override makeObjectList = true;
      override now() {
        return NOW;
      }
    }
    const [dates] = await setUp(new Years(), { year: 2008 }).getDatedItems();
    expect(dates).toEqual([new Date('2008-02-01T00:00:00Z')]);
    const [future] = await setUp(Object.assign(new Years(), { allowFuture: true }), { year: 2008 }).getDatedItems();
    expect(future).toEqual([new Date('2008-02-01T00:00:00Z'), new Date('2008-10-01T00:00:00Z')]);
  });

  it('orders by -dateField unless ordering is set', () => {
    expect(new Months().getOrdering()).toBe('-pubDate');
    expect(Object.assign(new Months(), { ordering: 'title' }).getOrdering()).toBe('title');
  });

  it('links to the next and previous periods that have objects, and with allowEmpty to the neighbours up to today', async () => {
    const view = setUp(new Months());
    const march = new Date('2008-03-01T00:00:00Z');
    expect(await view.getNextMonth(march)).toBeNull(); // October is in the future
    expect(await view.getPreviousMonth(march)).toEqual(new Date('2008-02-01T00:00:00Z'));
    class Days extends DayArchiveView {
      override queryset = entries();
      override dateField = 'pubDate';
      override allowEmpty = true;
      override now() {
        return NOW;
      }
    }
    const lenient = setUp(new Days());
    expect(await lenient.getNextMonth(march)).toEqual(new Date('2008-04-01T00:00:00Z'));
    expect(await lenient.getNextMonth(new Date('2008-06-01T00:00:00Z'))).toBeNull();
    expect(await lenient.getNextDay(new Date('2008-06-14T00:00:00Z'))).toEqual(new Date('2008-06-15T00:00:00Z'));
    expect(await lenient.getPreviousYear(march)).toEqual(new Date('2007-01-01T00:00:00Z'));
  });

  it('shows an object dated exactly now: the future starts after now (Django’s __lte)', async () => {
    class Instants extends BaseArchiveIndexView {
      override queryset = new ArraySource(
        [
          { id: 1, at: new Date(NOW) },
          { id: 2, at: new Date(NOW.getTime() + 1) },
        ],
        { modelName: 'entry' },
      );
      override dateField = 'at';
      override now() {
        return NOW;
      }
    }
    const [, objects] = await setUp(new Instants()).getDatedItems();
    expect(await objects.slice(0)).toEqual([{ id: 1, at: NOW }]);
  });

  it('asks the source whether dateField holds datetimes, unless usesDatetimeField says', () => {
    const source = entries();
    expect(setUp(new Months()).datetimeFieldIn(source)).toBe(false);
    expect(setUp(Object.assign(new Months(), { usesDatetimeField: true })).datetimeFieldIn(source)).toBe(true);
  });

  it('tries templateName, then <model>_archive_month.html, as Django’s MultipleObjectTemplateResponseMixin', async () => {
    const view = setUp(Object.assign(new Months(), { templateName: 'feb.html' }), { year: 2008, month: 'feb' });
    view.objectList = (await view.getDatedItems())[1];
    expect(view.getTemplateNames()).toEqual(['feb.html', 'entry_archive_month.html']);
  });

  it('answers a missing week or day with 404 and Django’s message', async () => {
    class Weeks extends WeekArchiveView {
      override queryset = entries();
      override dateField = 'pubDate';
    }
    class Days extends DayArchiveView {
      override queryset = entries();
      override dateField = 'pubDate';
    }
    await expect(setUp(new Weeks(), { year: 2008 }).getDatedItems()).rejects.toThrow(new Http404('No week specified'));
    await expect(setUp(new Days(), { year: 2008, month: 'feb' }).getDatedItems()).rejects.toThrow(
      new Http404('No day specified'),
    );
  });
});
