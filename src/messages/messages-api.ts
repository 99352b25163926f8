import { ViewRequest } from '../http/view-request.js';
import { MessageFailure } from './message-failure.exception.js';
import { DEBUG, ERROR, INFO, SUCCESS, WARNING } from './message-constants.js';
import type { Message } from './message.js';
import { MESSAGES_MESSAGES } from './messages.messages.js';
import { messagesOf } from './messages-state.js';
import type { RequestMessages } from './request-messages.js';
import { codedError } from '../utils/coded-message.js';

/**
 * Add a message for the next page this client sees (Django's `messages.add_message()`).
 * A message below the level (`messages.level`, default `INFO`) or with empty text is dropped.
 *
 * @param extraTags tags put before the level's in `message.tags`. Default `''`.
 * @param failSilently do nothing, rather than throw `MessageFailure`, when messages are off. Default `false`.
 * @example
 * addMessage(this.request, SUCCESS, 'Profile details updated.');
 */
export function addMessage(
  request: ViewRequest,
  level: number,
  message: string,
  extraTags = '',
  failSilently = false,
): void {
  const messages = messagesOf(request);
  if (messages) {
    messages.add(level, message, extraTags);
    return;
  }
  if (!(request instanceof ViewRequest)) {
    throw codedError(
      TypeError,
      MESSAGES_MESSAGES.notARequest('addMessage()', (request as object | null)?.constructor?.name ?? String(request)),
    );
  }
  if (!failSilently) throw new MessageFailure(MESSAGES_MESSAGES.notInstalled('addMessage()'));
}

/**
 * The request's messages, iterable once shown (Django's `get_messages()`); `[]` when
 * messages are off. Templates have them as `messages`.
 */
export function getMessages(request: ViewRequest): RequestMessages | readonly Message[] {
  return messagesOf(request) ?? [];
}

/** The lowest level the request keeps (Django's `get_level()`); `INFO` when messages are off. */
export function getLevel(request: ViewRequest): number {
  return messagesOf(request)?.level ?? INFO;
}

/** Keep messages from `level` up for the rest of the request, `null` for the default; `false` when messages are off (Django's `set_level()`). */
export function setLevel(request: ViewRequest, level: number | null): boolean {
  const messages = messagesOf(request);
  if (!messages) return false;
  messages.level = level;
  return true;
}

/** Add a `DEBUG` message (dropped unless `messages.level` is `DEBUG`). */
export function debug(request: ViewRequest, message: string, extraTags = '', failSilently = false): void {
  addMessage(request, DEBUG, message, extraTags, failSilently);
}

/** Add an `INFO` message. */
export function info(request: ViewRequest, message: string, extraTags = '', failSilently = false): void {
  addMessage(request, INFO, message, extraTags, failSilently);
}

/** Add a `SUCCESS` message. */
export function success(request: ViewRequest, message: string, extraTags = '', failSilently = false): void {
  addMessage(request, SUCCESS, message, extraTags, failSilently);
}

/** Add a `WARNING` message. */
export function warning(request: ViewRequest, message: string, extraTags = '', failSilently = false): void {
  addMessage(request, WARNING, message, extraTags, failSilently);
}

/** Add an `ERROR` message. */
export function error(request: ViewRequest, message: string, extraTags = '', failSilently = false): void {
  addMessage(request, ERROR, message, extraTags, failSilently);
}
