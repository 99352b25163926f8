/**
 * Format a date as an HTTP date (RFC 9110, the RFC 1123 form Django's example builds
 * with `strftime('%a, %d %b %Y %H:%M:%S GMT')`).
 *
 * @example
 * new HttpResponse(null, { headers: { 'Last-Modified': httpDate(book.publicationDate) } })
 */
export function httpDate(date: Date | number | string): string {
  return new Date(date).toUTCString();
}

/** The three forms RFC 9110 allows: IMF-fixdate, RFC 850 and asctime. */
const HTTP_DATE = [
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/**
 * Parse an HTTP date header; `null` when it is absent or not in one of the HTTP date
 * forms (anything else is ignored, as Django's `parse_http_date_safe` does).
 */
export function parseHttpDate(value: string | undefined): Date | null {
  if (!value || !HTTP_DATE.some((form) => form.test(value))) return null;
  const time = Date.parse(HTTP_DATE[2].test(value) ? `${value} GMT` : value);
  return Number.isNaN(time) ? null : new Date(time);
}
