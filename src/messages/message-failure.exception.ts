/** A message was added where messages are off (Django's `MessageFailure`). */
export class MessageFailure extends Error {
  /** The error's name, `'MessageFailure'`. */
  override name = 'MessageFailure';
}
