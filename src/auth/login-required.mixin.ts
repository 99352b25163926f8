import type { Kwargs, ViewResult } from '../views/view.js';
import type { ViewRequest } from '../http/view-request.js';
import type { ViewConstructor } from '../mixins/view-constructor.js';
import { AccessMixin } from './access.mixin.js';

/**
 * Django's `LoginRequiredMixin`: an anonymous visitor is redirected to the login page with
 * `?next=<this page>` (or gets 403 with `raiseException`) before any handler runs. Apply it
 * outermost, as Django lists it first: `LoginRequiredMixin(TemplateView)`.
 *
 * @example
 * @ClassView('account/')
 * export class AccountView extends LoginRequiredMixin(TemplateView) {
 *   templateName = 'account.html';
 *   loginUrl = '/login/';
 * }
 */
export function LoginRequiredMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class LoginRequiredMixinView extends AccessMixin(Base) {
    override dispatch(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult {
      if (!this.isAuthenticated()) return this.handleNoPermission();
      return super.dispatch(request, args, kwargs);
    }
  }
  return LoginRequiredMixinView;
}
