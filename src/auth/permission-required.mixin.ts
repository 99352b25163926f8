import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ViewRequest } from '../http/view-request.js';
import type { ViewConstructor } from '../mixins/view-constructor.js';
import { isThenable } from '../utils/is-thenable.js';
import { authOptionsOf } from '../app-context/view-context.js';
import type { Kwargs, ViewResult } from '../views/view.js';
import { AccessMixin } from './access.mixin.js';

/**
 * Django's `PermissionRequiredMixin`: the user must have every permission of
 * `permissionRequired`, checked by the `auth.hasPermission` option (by default, the user's
 * `permissions` list). An anonymous visitor is sent to the login page; a signed-in user
 * without them gets 403 (`PermissionDenied`, which renders `403.html` with error pages on).
 *
 * @example
 * @ClassView('staff/reports/')
 * export class ReportsView extends PermissionRequiredMixin(TemplateView) {
 *   templateName = 'reports.html';
 *   permissionRequired = ['library.view_report', 'library.export_report'];
 * }
 */
export function PermissionRequiredMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class PermissionRequiredMixinView extends AccessMixin(Base) {
    /** The permission, or permissions, the user must all have. Default `null`: set it or override `getPermissionRequired()`. */
    permissionRequired: string | readonly string[] | null = null;

    /** The permissions to check, as a list; `ImproperlyConfigured` when there are none set. */
    getPermissionRequired(): readonly string[] {
      const required = this.permissionRequired;
      if (required === null || required === undefined) {
        throw new ImproperlyConfigured(MESSAGES.permissionRequiredMissing(this.constructor.name));
      }
      return typeof required === 'string' ? [required] : required;
    }

    /** Whether the user has every permission of `getPermissionRequired()` (anonymous visitors have none). */
    hasPermission(): boolean | Promise<boolean> {
      const perms = this.getPermissionRequired();
      if (!this.isAuthenticated()) return false;
      const user = this.getUser();
      const check = authOptionsOf(this).hasPermission ?? hasListedPermission;
      const results = perms.map((perm) => check(user, perm, this.request));
      if (results.some(isThenable)) return Promise.all(results).then((all) => all.every(Boolean));
      return results.every(Boolean);
    }

    override dispatch(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult {
      const allowed = this.hasPermission();
      if (isThenable(allowed))
        return allowed.then((ok) => (ok ? super.dispatch(request, args, kwargs) : this.handleNoPermission()));
      return allowed ? super.dispatch(request, args, kwargs) : this.handleNoPermission();
    }
  }
  return PermissionRequiredMixinView;
}

/** The default check: the user's `permissions` list includes `perm`. */
function hasListedPermission(user: unknown, perm: string): boolean {
  const permissions = (user as { permissions?: unknown } | null | undefined)?.permissions;
  return Array.isArray(permissions) && permissions.includes(perm);
}
