import type { HttpResponse } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { RequestMessages } from './request-messages.js';

/** On a `ViewRequest` and its platform request, once made: the request's messages. */
const STATE = Symbol('nestjs-class-views:messages');

interface Carrier {
  [STATE]?: RequestMessages;
}

/** The messages of a request a class view serves with messages on (made on first use), or `undefined`. */
export function messagesOf(request: ViewRequest | undefined): RequestMessages | undefined {
  const carrier = request as Carrier | undefined;
  if (!carrier) return undefined;
  const state = carrier[STATE];
  if (state) return state;
  // The app lends every request its configuration (`ViewRequest.services`) when messages are on.
  const config = request!.services?.messages;
  if (!config) return undefined;
  // The response writer knows only the platform request: it learns of the messages once
  // they may have to be stored, so a page that never touches them costs it nothing.
  const made = new RequestMessages(
    request!,
    config,
    (messages) => (((request!.raw ?? {}) as Carrier)[STATE] = messages),
  );
  carrier[STATE] = made;
  return made;
}

/** Store the messages of the request `platformRequest` is, if it has any, into `response` (Django's `MessageMiddleware`). */
export function finishMessages(platformRequest: unknown, response: HttpResponse): void {
  (platformRequest as Carrier | null | undefined)?.[STATE]?.update(response);
}

/** Whether the request `platformRequest` is has a messages state (used or added to by a class view). */
export function hasMessages(platformRequest: unknown): boolean {
  return (platformRequest as Carrier | null | undefined)?.[STATE] !== undefined;
}
