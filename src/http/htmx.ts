import type { IncomingHttpHeaders } from 'node:http';

/**
 * What an htmx request says about itself, read from its `HX-*` headers (`request.htmx`,
 * `null` for a request that htmx did not send). Values are read when asked for.
 *
 * @example
 * if (request.htmx && !request.htmx.boosted) return this.renderRows();
 */
export class HtmxDetails {
  constructor(private readonly headers: IncomingHttpHeaders) {}

  /** Whether the request comes from an element with `hx-boost` (a whole page is wanted). */
  get boosted(): boolean {
    return this.header('hx-boosted') === 'true';
  }

  /** The URL of the browser when the request was sent (`HX-Current-URL`), or `null`. */
  get currentUrl(): string | null {
    return this.header('hx-current-url');
  }

  /** Whether htmx asks for a page missing from its history cache (a whole page is wanted). */
  get historyRestoreRequest(): boolean {
    return this.header('hx-history-restore-request') === 'true';
  }

  /** The user's answer to `hx-prompt`, or `null`. */
  get prompt(): string | null {
    return this.header('hx-prompt');
  }

  /** The `id` of the target element, or `null`. */
  get target(): string | null {
    return this.header('hx-target');
  }

  /** The `id` of the element that triggered the request, or `null`. */
  get trigger(): string | null {
    return this.header('hx-trigger');
  }

  /** The `name` of the element that triggered the request, or `null`. */
  get triggerName(): string | null {
    return this.header('hx-trigger-name');
  }

  /** Whether a fragment will do: an htmx request that is neither boosted nor a history restore. */
  get wantsFragment(): boolean {
    return !this.boosted && !this.historyRestoreRequest;
  }

  private header(name: string): string | null {
    const value = this.headers[name];
    return typeof value === 'string' ? value : null;
  }
}

/** `request.htmx`: details when htmx sent the request (`HX-Request: true`), else `null`. */
export function htmxDetailsOf(headers: IncomingHttpHeaders): HtmxDetails | null {
  return headers['hx-request'] === 'true' ? new HtmxDetails(headers) : null;
}
