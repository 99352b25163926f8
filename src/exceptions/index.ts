export { ImproperlyConfigured } from './improperly-configured.exception.js';
export { NoReverseMatch } from './no-reverse-match.exception.js';
export { Http404 } from './http404.exception.js';
export { DisallowedRedirect } from './disallowed-redirect.exception.js';
export { TemplateDoesNotExist } from './template-does-not-exist.exception.js';
export { DatabaseUnavailable } from './database-unavailable.exception.js';
export { TooManyFieldsSent } from './too-many-fields-sent.exception.js';
export { PermissionDenied } from './permission-denied.exception.js';
