import type { NunjucksEnvironment } from '../nunjucks-environment.interface.js';
import { dateFilter, timeFilter, timesinceFilter, timeuntilFilter } from './date-filters.js';
import { defaultFilter, defaultIfNone, pluralize, yesno } from './logic-filters.js';
import { filesizeformat, floatformat } from './number-filters.js';
import { isSafe, keepSafeness, markSafe, toText } from './python-values.js';
import { linebreaksbr, truncatechars, truncatewords, urlencode } from './text-filters.js';

/** What a filter sees as `this` when nunjucks calls it: the render context, with the environment. */
interface FilterContext {
  env: { opts: { autoescape: boolean } };
}

/**
 * Add Django's most used filters to a nunjucks environment, written as nunjucks calls them:
 * Django's `{{ value|date:"D d M Y" }}` is `{{ value | date("D d M Y") }}`. nunjucks' own
 * filters that Django shares (`length`, `first`, `join`, `lower`, `title`, `safe`, `escape`,
 * `striptags`, `wordcount`…) stay as they are; so do `truncate` and `d`, which Django has not.
 */
export function addDjangoFilters(env: NunjucksEnvironment, timeZone: string): void {
  env.addFilter('date', (value: unknown, format?: unknown) => dateFilter(value, format, timeZone));
  env.addFilter('time', (value: unknown, format?: unknown) => timeFilter(value, format, timeZone));
  env.addFilter('timesince', timesinceFilter);
  env.addFilter('timeuntil', timeuntilFilter);

  // Django's `default` replaces every false value ("", 0, [], None); nunjucks' replaces only
  // `undefined`. Django's wins: templates ported from Django, and `{{ name | default("anonymous") }}`
  // for an empty name, rely on it. nunjucks' meaning stays available as `d`.
  env.addFilter('default', defaultFilter);
  env.addFilter('default_if_none', defaultIfNone);
  env.addFilter('yesno', yesno);
  env.addFilter('pluralize', pluralize);

  // Numbers: text made of digits, signs and separators, marked safe as Django does.
  env.addFilter('floatformat', (value: unknown, arg?: unknown) => markSafe(floatformat(value, arg)));
  env.addFilter('filesizeformat', (value: unknown) => markSafe(filesizeformat(value)));

  // Text: the result is escaped on output unless the value was marked safe (Django's is_safe=True).
  env.addFilter('truncatechars', (value: unknown, arg: unknown) =>
    keepSafeness(value, truncatechars(toText(value), arg)),
  );
  env.addFilter('truncatewords', (value: unknown, arg: unknown) =>
    keepSafeness(value, truncatewords(toText(value), arg)),
  );
  // Markup: escapes the text itself first, unless autoescaping is off or the value is safe (Django's needs_autoescape).
  env.addFilter('linebreaksbr', function (this: FilterContext, value: unknown) {
    return markSafe(linebreaksbr(toText(value), this.env.opts.autoescape && !isSafe(value)));
  });

  // Django's `urlencode` wins for text: Python's quote() keeps "/" (or the `safe` argument) and
  // escapes ! ' ( ) *, which encodeURIComponent leaves. nunjucks' stays for objects and arrays,
  // which it turns into a query string (Django has no counterpart).
  const nunjucksUrlencode = env.getFilter('urlencode');
  env.addFilter('urlencode', (value: unknown, safe?: unknown) =>
    value !== null && typeof value === 'object' && !(value instanceof String)
      ? nunjucksUrlencode(value)
      : urlencode(toText(value), safe === undefined || safe === null ? '/' : String(safe)),
  );
}
