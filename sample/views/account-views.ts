import { ClassView, type Kwargs, LoginRequiredMixin, PermissionRequiredMixin, TemplateView } from '../../src/index.js';

/** The signed-in user's page: an anonymous visitor is sent to the login page, and back here after it. */
@ClassView('account/', { name: 'account' })
export class AccountView extends LoginRequiredMixin(TemplateView) {
  templateName = 'account.html';

  override getContextData(kwargs: Kwargs) {
    return { ...super.getContextData(kwargs), user: this.getUser() };
  }
}

/** Staff only: `ada` sees it, `bob` gets the 403 page, an anonymous visitor the login page. */
@ClassView('staff-only/', { name: 'staff-only' })
export class StaffOnlyView extends PermissionRequiredMixin(TemplateView) {
  templateName = 'staff_only.html';
  permissionRequired = 'library.view_staff';
  permissionDeniedMessage = 'This page is for the library staff.';
}
