/**
 * A message of the library with its stable code, in the style of Fastify's error codes:
 * `CLASS_VIEWS_ERR_…` for what is thrown, `CLASS_VIEWS_WRN_…` for what is logged. The
 * wording may be improved from one version to the next; the code stays, so a program (or
 * a search of docs/reference/errors.md) can rely on it. An error made from one carries it
 * as `.code`.
 */
export interface CodedMessage {
  /** The stable code, `CLASS_VIEWS_ERR_…` or `CLASS_VIEWS_WRN_…`, listed in docs/reference/errors.md. */
  readonly code: string;
  /** The wording, with the details filled in. */
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

/** Whether `message` is a registry entry's message rather than text of the caller's own. */
function isCoded(message: unknown): message is CodedMessage {
  return typeof message === 'object' && message !== null && typeof (message as CodedMessage).message === 'string';
}

/**
 * The text of a message given as a string or as a registry entry's message. Anything else
 * (`undefined` from a plain JavaScript `new ImproperlyConfigured()`) reads as `Error` would.
 */
export function messageText(message: string | CodedMessage | undefined): string {
  if (isCoded(message)) return message.message;
  return message === undefined ? '' : String(message);
}

/** The code of a message given as a registry entry's message; none for text of the caller's own. */
export function messageCode(message: string | CodedMessage | undefined): string | undefined {
  return isCoded(message) ? message.code : undefined;
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
