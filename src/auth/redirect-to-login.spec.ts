import { describe, expect, it } from '@jest/globals';
import { redirectToLogin } from './redirect-to-login.js';

describe('redirectToLogin', () => {
  it('adds next, quoted as Django quotes it, keeping slashes', () => {
    const response = redirectToLogin('/books/?page=2&q=a b', '/login/');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login/?next=/books/%3Fpage%3D2%26q%3Da%20b');
  });

  it("keeps the login URL's own query and fragment, and replaces its next", () => {
    expect(redirectToLogin('/a/', '/login/?lang=en&next=/old/#form').headers.get('Location')).toBe(
      '/login/?lang=en&next=/a/#form',
    );
    expect(redirectToLogin('/a/', 'https://sso.example/login?app=1').headers.get('Location')).toBe(
      'https://sso.example/login?app=1&next=/a/',
    );
  });

  it('uses another field name, or none', () => {
    expect(redirectToLogin('/a/', '/login/', 'return_to').headers.get('Location')).toBe('/login/?return_to=/a/');
    expect(redirectToLogin('/a/', '/login/?x=1', null).headers.get('Location')).toBe('/login/?x=1');
  });
});
