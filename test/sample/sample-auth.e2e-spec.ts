import { describe, expect, it } from '@jest/globals';
import { userCookie } from '../../sample/auth/demo-users.js';
import { TemplateEngines } from '../../src/index.js';
import { csrfFrom } from '../utils/csrf.js';
import { PLATFORMS } from '../utils/platforms.js';
import { useSampleApp } from '../utils/sample-app.js';

/** The cookie pair of a `Set-Cookie` line. */
const pair = (line: string) => line.split(';')[0]!;

/** The sample's login page, account and staff-only pages, and its 500 page. */
describe.each(PLATFORMS)('sample sign-in and error pages on %s', (platform) => {
  const served = useSampleApp(platform);
  const { http } = served;

  /** Sign in as `username` from `/login/?next=…`, returning the answer to the form's POST. */
  async function signIn(username: string, password: string, next: string) {
    const csrf = await csrfFrom(served.app, `/login/?next=${encodeURIComponent(next)}`);
    const form = new URLSearchParams({ username, password, next, ...csrf.field }).toString();
    return http.post('/login/').set('Cookie', csrf.cookie).type('form').send(form);
  }

  it('sends an anonymous visitor of /account/ to the login page with next', async () => {
    const res = await http.get('/account/?tab=loans');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login/?next=/account/%3Ftab%3Dloans');
    const page = await http.get(res.headers.location!);
    expect(page.text).toContain('<input type="hidden" name="next" value="/account/?tab=loans">');
  });

  it('signs a demo user in and follows a safe next', async () => {
    const res = await signIn('bob', 'builder', '/account/?tab=loans');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/account/?tab=loans');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const user = cookies.find((line) => line.startsWith('sampleuser='))!;
    expect(user).toContain('HttpOnly');
    // The CSRF secret is rotated at sign-in, as Django's login() does.
    expect(cookies.some((line) => line.startsWith('csrftoken='))).toBe(true);
    const account = await http.get('/account/').set('Cookie', pair(user));
    expect(account.text).toContain('Signed in as <strong>bob</strong>.');
  });

  it.each(['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)'])(
    'ignores the unsafe next %j',
    async (next) => {
      const res = await signIn('bob', 'builder', next);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/account/');
      const page = await http.get(`/login/?next=${encodeURIComponent(next)}`);
      expect(page.text).toContain('<input type="hidden" name="next" value="">');
    },
  );

  it('shows the form again, with an error, for a wrong password', async () => {
    const res = await signIn('bob', 'wrong', '/account/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Please enter a correct username and password.');
    expect(res.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^sampleuser=/));
  });

  it('ignores a forged user cookie', async () => {
    const res = await http.get('/account/').set('Cookie', 'sampleuser=ada.forged');
    expect(res.status).toBe(302);
  });

  it('shows the staff-only page to staff, 403.html to others, the login page to anonymous visitors', async () => {
    const staff = await http.get('/staff-only/').set('Cookie', pair(userCookie('ada')));
    expect(staff.status).toBe(200);
    expect(staff.text).toContain('<h1>Staff only</h1>');
    const reader = await http
      .get('/staff-only/')
      .set('Cookie', pair(userCookie('bob')))
      .set('Accept', 'text/html');
    expect(reader.status).toBe(403);
    expect(reader.text).toContain('<p class="errorlist">This page is for the library staff.</p>');
    expect((await http.get('/staff-only/')).headers.location).toBe('/login/?next=/staff-only/');
  });

  it('has a styled 500.html that renders with an empty context, as Django renders it', async () => {
    // The sample has no failing view (its fuzz test checks that): render the page as the filter does.
    const html = await served.app.get(TemplateEngines).render(['500.html'], {});
    expect(html).toContain('<title>Server error</title>');
    expect(html).toContain('<a href="/books/">Books</a>');
  });
});
