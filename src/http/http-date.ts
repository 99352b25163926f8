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

/** Parse an HTTP date header; `null` when it is absent or not a date. */
export function parseHttpDate(value: string | undefined): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
