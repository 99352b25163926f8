/** Raised by `reverse()` when no named route fits the name and arguments given. */
export class NoReverseMatch extends Error {
  /** The error's name, `'NoReverseMatch'`. */
  override name = 'NoReverseMatch';

  constructor(message: string) {
    super(message);
  }
}
