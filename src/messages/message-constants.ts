/** Development-related messages, ignored at the default level (Django's `messages.DEBUG`). */
export const DEBUG = 10;
/** Informational messages for the user (Django's `messages.INFO`). */
export const INFO = 20;
/** An action succeeded (Django's `messages.SUCCESS`). */
export const SUCCESS = 25;
/** A failure has not occurred but may be imminent (Django's `messages.WARNING`). */
export const WARNING = 30;
/** An action did not succeed (Django's `messages.ERROR`). */
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
export const DEFAULT_LEVELS: Readonly<{
  /** `10`. */
  DEBUG: typeof DEBUG;
  /** `20`. */
  INFO: typeof INFO;
  /** `25`. */
  SUCCESS: typeof SUCCESS;
  /** `30`. */
  WARNING: typeof WARNING;
  /** `40`. */
  ERROR: typeof ERROR;
}> = Object.freeze({ DEBUG, INFO, SUCCESS, WARNING, ERROR });
