/** A message was added where messages are off (Django's `MessageFailure`). */
export class MessageFailure extends Error {
  override name = 'MessageFailure';
}
