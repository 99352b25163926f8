import { type CanActivate, type ExecutionContext, UseGuards } from '@nestjs/common';
import {
  type AuthOptions,
  ClassView,
  HttpResponse,
  LoginRequiredMixin,
  PermissionRequiredMixin,
  UserPassesTestMixin,
  View,
  type ViewRequest,
} from '../../src/index.js';

/** A signed-in user, as an auth system would attach it. */
export interface TestUser {
  name: string;
  permissions: string[];
}

export const USERS = new Map<string, TestUser>([
  ['ada', { name: 'ada', permissions: ['library.view_staff', 'library.view_report', 'library.export_report'] }],
  ['bob', { name: 'bob', permissions: ['library.view_report'] }],
]);

/** The `auth` option: the user a guard attached (`request.user`), else the one `X-User` names. */
export const AUTH: AuthOptions = {
  loginUrl: '/login/?lang=en',
  getUser: (request: ViewRequest) => request.user ?? USERS.get(request.header('x-user') ?? ''),
};

const userName = (view: { getUser(): unknown }) => (view.getUser() as TestUser).name;

@ClassView('account/')
export class AccountView extends LoginRequiredMixin(View) {
  get(): HttpResponse {
    return new HttpResponse(`account of ${userName(this)}`);
  }
}

@ClassView('strict/')
export class StrictView extends LoginRequiredMixin(View) {
  override raiseException = true;
  override permissionDeniedMessage = 'Sign in first.';
  get(): HttpResponse {
    return new HttpResponse('strict');
  }
}

@ClassView('login/', { name: 'login' })
export class LoginPageView extends View {
  get(): HttpResponse {
    return new HttpResponse('login page');
  }
}

/** `loginUrl` as a route name, and another field name. */
@ClassView('by-name/')
export class ByNameView extends LoginRequiredMixin(View) {
  override loginUrl = 'login';
  override redirectFieldName = 'return_to';
  get(): HttpResponse {
    return new HttpResponse('by name');
  }
}

/** The login page on another host: `next` is this page's absolute URL. */
@ClassView('sso/')
export class SsoView extends LoginRequiredMixin(View) {
  override loginUrl = 'https://sso.example/login?app=7';
  get(): HttpResponse {
    return new HttpResponse('sso');
  }
}

@ClassView('staff/')
export class StaffView extends PermissionRequiredMixin(View) {
  override permissionRequired = 'library.view_staff';
  override permissionDeniedMessage = 'Staff only.';
  get(): HttpResponse {
    return new HttpResponse(`staff page for ${userName(this)}`);
  }
}

@ClassView('reports/')
export class ReportsView extends PermissionRequiredMixin(View) {
  override permissionRequired = ['library.view_report', 'library.export_report'];
  get(): HttpResponse {
    return new HttpResponse('reports');
  }
}

/** No `permissionRequired`: Django's ImproperlyConfigured at request time, a bare 500. */
@ClassView('unconfigured/')
export class UnconfiguredView extends PermissionRequiredMixin(View) {
  get(): HttpResponse {
    return new HttpResponse('never');
  }
}

/** An async test of the user against the URL. */
@ClassView('owner/<str:name>/')
export class OwnerView extends UserPassesTestMixin(View) {
  override async testFunc(): Promise<boolean> {
    return (this.getUser() as TestUser | undefined)?.name === this.kwargs.name;
  }
  async get(): Promise<HttpResponse> {
    return new HttpResponse(`owner ${this.kwargs.name}`);
  }
}

/** Another test chosen by `getTestFunc()`. */
@ClassView('weekday/')
export class OtherTestView extends UserPassesTestMixin(View) {
  override getTestFunc() {
    return () => this.request.query.get('day') !== 'sunday';
  }
  get(): HttpResponse {
    return new HttpResponse('open');
  }
}

/** Attaches the user as Passport's guard would: guards run before the mixin. */
class PassportLikeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: TestUser }>();
    const user = USERS.get(request.headers['x-token'] ?? '');
    if (user) request.user = user;
    return true;
  }
}

@ClassView('guarded-account/')
@UseGuards(PassportLikeGuard)
export class GuardedAccountView extends LoginRequiredMixin(View) {
  get(): HttpResponse {
    return new HttpResponse(`guarded account of ${userName(this)}`);
  }
}

export const ACCESS_VIEWS = [
  AccountView,
  StrictView,
  LoginPageView,
  ByNameView,
  SsoView,
  StaffView,
  ReportsView,
  UnconfiguredView,
  OwnerView,
  OtherTestView,
  GuardedAccountView,
];
