export { getToken, rotateToken } from './csrf-protection.js';
export { CsrfFailure } from './csrf-failure.exception.js';
export type { CsrfOptions } from './csrf-options.interface.js';
export type { CsrfTemplateContext } from './csrf-template-context.js';
export { CSRF_MESSAGES } from './csrf.messages.js';
