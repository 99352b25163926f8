/** Everything of Django's `django.contrib.messages` module, as `messages.success(request, …)`. */
export { addMessage, getMessages, getLevel, setLevel, debug, info, success, warning, error } from './messages-api.js';
export { DEBUG, INFO, SUCCESS, WARNING, ERROR, DEFAULT_TAGS, DEFAULT_LEVELS } from './message-constants.js';
