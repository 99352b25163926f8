import { describe, expect, it } from '@jest/globals';
import {
  ImproperlyConfigured,
  LoginRequiredMixin,
  PermissionRequiredMixin,
  UserPassesTestMixin,
  View,
} from '../index.js';
import { thrownBy } from '../../test/utils/errors.js';

class NoLoginUrlView extends LoginRequiredMixin(View) {}
class NoPermissionView extends PermissionRequiredMixin(View) {}
class NoTestView extends UserPassesTestMixin(View) {}

describe('access mixins', () => {
  it("refuse a missing login URL with Django's message, naming the class and every fix", () => {
    const error = thrownBy(() => new NoLoginUrlView().getLoginUrl());
    expect(error).toBeInstanceOf(ImproperlyConfigured);
    expect(error.message).toBe(
      'NoLoginUrlView is missing the loginUrl attribute. Define NoLoginUrlView.loginUrl, the auth.loginUrl option of ClassViewsModule, or override NoLoginUrlView.getLoginUrl().',
    );
  });

  it("refuse a missing permissionRequired with Django's message", () => {
    expect(thrownBy(() => new NoPermissionView().getPermissionRequired()).message).toBe(
      'NoPermissionView is missing the permissionRequired attribute. Define NoPermissionView.permissionRequired, or override NoPermissionView.getPermissionRequired().',
    );
  });

  it('take one permission or several', () => {
    const view = new NoPermissionView();
    view.permissionRequired = 'a.b';
    expect(view.getPermissionRequired()).toEqual(['a.b']);
    view.permissionRequired = ['a.b', 'c.d'];
    expect(view.getPermissionRequired()).toEqual(['a.b', 'c.d']);
  });

  it('refuse a UserPassesTestMixin without testFunc()', () => {
    expect(thrownBy(() => new NoTestView().testFunc()).message).toBe(
      'NoTestView is missing the implementation of the testFunc() method.',
    );
  });

  it("keep Django's defaults", () => {
    const view = new NoLoginUrlView();
    expect([view.loginUrl, view.permissionDeniedMessage, view.raiseException, view.getRedirectFieldName()]).toEqual([
      null,
      '',
      false,
      'next',
    ]);
  });
});
