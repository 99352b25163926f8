/** Options of `@ClassView()`. */
export interface ClassViewOptions {
  /** The route's name, for `reverse()` and the `url()` template helper. Default: unnamed. */
  name?: string;
}

/** What `@ClassView()` stores on the class. */
export interface ClassViewMetadata extends ClassViewOptions {
  /** The Django-style route, e.g. `'books/<int:pk>/'`. */
  route: string;
}
