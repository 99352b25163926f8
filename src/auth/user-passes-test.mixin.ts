import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ViewRequest } from '../http/view-request.js';
import type { ViewConstructor } from '../mixins/view-constructor.js';
import { isThenable } from '../utils/is-thenable.js';
import type { Kwargs, ViewResult } from '../views/view.js';
import { AccessMixin } from './access.mixin.js';

/**
 * Django's `UserPassesTestMixin`: the request goes on only when `testFunc()` returns true
 * (sync or async); otherwise `handleNoPermission()` (login redirect for an anonymous
 * visitor, 403 for a signed-in user).
 *
 * @example
 * @ClassView('books/<int:pk>/edit/')
 * export class BookEditView extends UserPassesTestMixin(TemplateView) {
 *   templateName = 'book_edit.html';
 *   testFunc() {
 *     return (this.getUser() as { name?: string } | undefined)?.name === 'ada';
 *   }
 * }
 */
export function UserPassesTestMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class UserPassesTestMixinView extends AccessMixin(Base) {
    /** Whether the request may go on. Override it; by default it throws `ImproperlyConfigured`. */
    testFunc(): boolean | Promise<boolean> {
      throw new ImproperlyConfigured(MESSAGES.testFuncMissing(this.constructor.name));
    }

    /** The test to run, called on the view. Default `testFunc`. */
    getTestFunc(): () => boolean | Promise<boolean> {
      return this.testFunc;
    }

    override dispatch(request: ViewRequest, args: readonly unknown[], kwargs: Kwargs): ViewResult {
      const passed = this.getTestFunc().call(this);
      if (isThenable(passed))
        return passed.then((ok) => (ok ? super.dispatch(request, args, kwargs) : this.handleNoPermission()));
      return passed ? super.dispatch(request, args, kwargs) : this.handleNoPermission();
    }
  }
  return UserPassesTestMixinView;
}
