export { AccessMixin } from './access.mixin.js';
export { LoginRequiredMixin } from './login-required.mixin.js';
export { PermissionRequiredMixin } from './permission-required.mixin.js';
export { UserPassesTestMixin } from './user-passes-test.mixin.js';
export { redirectToLogin, REDIRECT_FIELD_NAME } from './redirect-to-login.js';
export type { AuthOptions } from '../interfaces/auth-options.interface.js';
