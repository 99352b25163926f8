import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ClassViewsModule, ImproperlyConfigured, path, TodayArchiveView } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { createApp, PLATFORMS } from '../utils/platforms.js';
import { bookArray } from './archive.js';
import { DayArchive, EntryDateDetail, MonthArchive, part } from './views.js';

// Books are dated by a datetime; 'Feb b' is 2008-02-10T23:30Z, 00:30 on the 11th in Paris.

/** A clock at 22:30 UTC on 15 June 2008: already the 16th in Paris. */
class LateToday extends TodayArchiveView {
  override now() {
    return new Date('2008-06-15T22:30:00Z');
  }
}

const books = () => ({ queryset: bookArray(), dateField: 'publicationDate' });

describe.each(PLATFORMS)('The module’s timeZone option (Django’s TIME_ZONE) on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        timeZone: 'Europe/Paris',
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        urlpatterns: [
          path('today/', LateToday.asView({ ...books(), allowEmpty: true })),
          path('utc/today/', LateToday.asView({ ...books(), timeZone: 'UTC' })),
          path('utc/<int:year>/<str:month>/<int:day>/', DayArchive.asView({ ...books(), timeZone: 'UTC' })),
          path(
            'time/<int:year>/<str:month>/<int:day>/<int:pk>/',
            EntryDateDetail.asView({ ...books(), templateName: 'book_time.html' }),
          ),
          path('<int:year>/<str:month>/', MonthArchive.asView(books())),
          path('<int:year>/<str:month>/<int:day>/', DayArchive.asView(books())),
          path('<int:year>/<str:month>/<int:day>/<int:pk>/', EntryDateDetail.asView(books())),
        ],
      }),
    ],
  });

  it('reads a datetime’s day in that zone when the view sets none: 23:30 UTC is the next day in Paris', async () => {
    const day = await http.get('/2008/feb/11/');
    expect(day.status).toBe(200);
    expect(part(day.text, 'objects')).toBe('Feb b,');
    expect(part(day.text, 'previous_day')).toBe('2008-02-10');
    expect(part(day.text, 'next_day')).toBe('2008-02-29');
    expect(part((await http.get('/2008/feb/10/')).text, 'objects')).toBe('Feb a,');
    expect(part((await http.get('/2008/feb/')).text, 'date_list')).toBe('2008-02-10,2008-02-11,2008-02-29,');
  });

  it('yields to the view’s own timeZone', async () => {
    const res = await http.get('/utc/2008/feb/11/');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('No books available');
  });

  it('finds a date detail on its day in that zone, and not on its UTC day', async () => {
    expect((await http.get('/2008/feb/11/4/')).text.trim()).toBe('book_detail|Feb b|Feb b');
    const utcDay = await http.get('/2008/feb/10/4/');
    expect(utcDay.status).toBe(404);
    expect(utcDay.body.message).toBe('No book found matching the query');
  });

  it('tells today in that zone near midnight: 22:30 UTC on the 15th is the 16th in Paris', async () => {
    const paris = await http.get('/today/');
    expect(paris.status).toBe(200);
    expect(part(paris.text, 'day')).toBe('2008-06-16');
    expect(part(paris.text, 'objects')).toBe('');
    // allowEmpty: the naive neighbours, the next one in the future.
    expect(part(paris.text, 'previous_day')).toBe('2008-06-15');
    expect(part(paris.text, 'next_day')).toBe('null');
    const utc = await http.get('/utc/today/');
    expect(part(utc.text, 'day')).toBe('2008-06-15');
    expect(part(utc.text, 'objects')).toBe('Later today,June,');
  });

  it('is the templates’ time zone too unless they name their own', async () => {
    expect((await http.get('/time/2008/feb/11/4/')).text.trim()).toBe('Feb b at 2008-02-11 00:30');
  });
});

describe.each(PLATFORMS)('The module’s timeZone option on %s', (platform) => {
  it('refuses a time zone that does not exist at start-up', async () => {
    const starting = createApp(platform, { imports: [ClassViewsModule.forRoot({ timeZone: 'Mars/Olympus' })] });
    await expect(starting).rejects.toThrow(
      new ImproperlyConfigured(
        "ClassViewsModule.timeZone 'Mars/Olympus' is not a time zone. Use an IANA name such as 'UTC' or 'Europe/Paris'.",
      ),
    );
  });
});
