/**
 * A message of the library with its stable code, in the style of Fastify's error codes:
 * `CLASS_VIEWS_ERR_…` for what is thrown, `CLASS_VIEWS_WRN_…` for what is logged. The
 * wording may be improved from one version to the next; the code stays, so a program (or
 * a search of docs/reference/errors.md) can rely on it. An error made from one carries it
 * as `.code`.
 */
export interface CodedMessage {
  readonly code: string;
  readonly message: string;
}

/** One entry of a message registry: call it with the details to get the message. */
export type MessageFormat<A extends unknown[]> = ((...args: A) => CodedMessage) & {
  /** The entry's code, to compare with an error's `.code`. */
  readonly code: string;
  /** The wording alone, which the errors page is generated from. */
  readonly format: (...args: A) => string;
};

/** Pair a code with the wording of its message, for a registry. */
export function coded<A extends unknown[]>(code: string, format: (...args: A) => string): MessageFormat<A> {
  const entry = (...args: A): CodedMessage => new Coded(code, format(...args));
  return Object.assign(entry, { code, format });
}

/** A coded message reads as its text where a string is expected (`${message}`). */
class Coded implements CodedMessage {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}

  toString(): string {
    return this.message;
  }
}

/** The text of a message given as a string or as a registry entry's message. */
export function messageText(message: string | CodedMessage): string {
  return typeof message === 'string' ? message : message.message;
}

/** The code of a message given as a registry entry's message; none for a plain string. */
export function messageCode(message: string | CodedMessage): string | undefined {
  return typeof message === 'string' ? undefined : message.code;
}

/**
 * A JavaScript error (`TypeError`, `RangeError`, `Error`) with a registry message and its
 * code, for the mistakes that Django answers with Python's own exceptions.
 *
 * @example
 * throw codedError(TypeError, MESSAGES.asViewMethodName(key, this.name));
 */
export function codedError<E extends Error>(
  Kind: new (message: string) => E,
  message: CodedMessage,
): E & { readonly code: string } {
  return Object.assign(new Kind(message.message), { code: message.code });
}
