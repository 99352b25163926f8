/** A page number that cannot be served (Django's `InvalidPage`). */
export class InvalidPage extends Error {
  override name = 'InvalidPage';
}

/** The page number is not an integer: `That page number is not an integer`. */
export class PageNotAnInteger extends InvalidPage {
  override name = 'PageNotAnInteger';
}

/** The page number is below 1 or past the last page. */
export class EmptyPage extends InvalidPage {
  override name = 'EmptyPage';
}
