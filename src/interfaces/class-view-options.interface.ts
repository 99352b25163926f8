/** Options of `@ClassView()`. */
export interface ClassViewOptions {
  /** The route's name, for `reverse()` and the `url()` template helper. Default: unnamed. */
  name?: string;
  /**
   * Serve the route only for requests to this host, or these hosts, as Nest's
   * `@Controller({ host })` does (`':account.example.com'` or a `RegExp` for patterns).
   * Requests for other hosts get the platform's 404, and no APPEND_SLASH redirect.
   * Default: any host.
   */
  host?: string | RegExp | Array<string | RegExp>;
}

/** What `@ClassView()` stores on the class. */
export interface ClassViewMetadata extends ClassViewOptions {
  /** The Django-style route, e.g. `'books/<int:pk>/'`. */
  route: string;
}
