/** Django's message levels (`django.contrib.messages.constants`). */
export const DEBUG = 10;
export const INFO = 20;
export const SUCCESS = 25;
export const WARNING = 30;
export const ERROR = 40;

/** The tag of each level (Django's `DEFAULT_TAGS`); the `messages.tags` option adds to it. */
export const DEFAULT_TAGS: Readonly<Record<number, string>> = Object.freeze({
  [DEBUG]: 'debug',
  [INFO]: 'info',
  [SUCCESS]: 'success',
  [WARNING]: 'warning',
  [ERROR]: 'error',
});

/** Django's `DEFAULT_LEVELS`: each level by its tag name. */
export const DEFAULT_LEVELS = Object.freeze({ DEBUG, INFO, SUCCESS, WARNING, ERROR });
