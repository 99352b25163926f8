export { getToken, rotateToken } from './get-token.js';
export { CsrfFailure } from './csrf-failure.exception.js';
export type { CsrfOptions } from './csrf-options.interface.js';
export { CSRF_MESSAGES } from './csrf.messages.js';
