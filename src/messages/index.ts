export * as messages from './messages-namespace.js';
export { addMessage, getMessages, getLevel, setLevel } from './messages-api.js';
export { Message } from './message.js';
export { MessageFailure } from './message-failure.exception.js';
export type { MessageStorage } from './message-storage.interface.js';
export { CookieStorage, type CookieStorageOptions } from './cookie-storage.js';
export type { MessagesOptions } from './messages-options.interface.js';
export type { RequestMessages } from './request-messages.js';
export { MESSAGES_MESSAGES } from './messages.messages.js';
