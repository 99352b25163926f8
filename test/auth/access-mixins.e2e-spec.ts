import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ClassViewsModule } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { silenceNestErrors } from '../utils/logs.js';
import { PLATFORMS } from '../utils/platforms.js';
import { ACCESS_VIEWS, AUTH } from './views.js';

const pages = join(import.meta.dirname, '..', 'error-pages', 'fixtures', 'pages');

describe.each(PLATFORMS)('access mixins on %s', (platform) => {
  silenceNestErrors();
  const { http } = useTestApp(platform, {
    imports: [ClassViewsModule.forRoot({ auth: AUTH, errorPages: true, templates: { dirs: [pages] } })],
    providers: ACCESS_VIEWS,
  });

  it('redirects an anonymous visitor to the login URL with next, keeping the login URL’s own query', async () => {
    const res = await http.get('/account/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login/?lang=en&next=/account/');
  });

  it('puts the full path, query included, in next, quoted as Django quotes it', async () => {
    const res = await http.get('/account/?tab=loans&q=a%20b');
    expect(res.headers.location).toBe('/login/?lang=en&next=/account/%3Ftab%3Dloans%26q%3Da%2520b');
  });

  it('lets a signed-in user through', async () => {
    const res = await http.get('/account/').set('X-User', 'bob');
    expect(res.status).toBe(200);
    expect(res.text).toBe('account of bob');
  });

  it('reads the user a guard attached as request.user: guards run first', async () => {
    expect((await http.get('/guarded-account/').set('X-Token', 'ada')).text).toBe('guarded account of ada');
    expect((await http.get('/guarded-account/')).headers.location).toBe('/login/?lang=en&next=/guarded-account/');
  });

  it('resolves a loginUrl that is a route name, with another redirect field', async () => {
    const res = await http.get('/by-name/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login/?return_to=/by-name/');
  });

  it('sends the absolute URL as next to a login page on another host', async () => {
    const res = await http.get('/sso/?x=1').set('Host', 'books.example');
    expect(res.headers.location).toBe('https://sso.example/login?app=7&next=http%3A//books.example/sso/%3Fx%3D1');
  });

  it('answers 403 to anonymous visitors too with raiseException, rendering 403.html', async () => {
    const res = await http.get('/strict/').set('Accept', 'text/html');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<p id="exception">Sign in first.</p>');
  });

  it('redirects an anonymous visitor from a page that needs a permission', async () => {
    expect((await http.get('/staff/')).headers.location).toBe('/login/?lang=en&next=/staff/');
  });

  it('answers 403 to a signed-in user without the permission (403.html for a browser, JSON for a script)', async () => {
    const page = await http.get('/staff/').set('X-User', 'bob').set('Accept', 'text/html');
    expect(page.status).toBe(403);
    expect(page.text).toContain('<p id="exception">Staff only.</p>');
    const json = await http.get('/staff/').set('X-User', 'bob').set('Accept', 'application/json');
    expect(json.body).toEqual({ statusCode: 403, message: 'Staff only.', error: 'Forbidden' });
  });

  it('serves a user with the permission', async () => {
    expect((await http.get('/staff/').set('X-User', 'ada')).text).toBe('staff page for ada');
  });

  it('needs every permission when several are required', async () => {
    expect((await http.get('/reports/').set('X-User', 'bob')).status).toBe(403);
    expect((await http.get('/reports/').set('X-User', 'ada')).text).toBe('reports');
  });

  it('answers 500 without permissionRequired (ImproperlyConfigured), showing nothing of it', async () => {
    const res = await http.get('/unconfigured/').set('X-User', 'ada').set('Accept', 'application/json');
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('permissionRequired');
  });

  it('runs an async testFunc()', async () => {
    expect((await http.get('/owner/ada/').set('X-User', 'ada')).text).toBe('owner ada');
    expect((await http.get('/owner/ada/').set('X-User', 'bob')).status).toBe(403);
    expect((await http.get('/owner/ada/')).headers.location).toBe('/login/?lang=en&next=/owner/ada/');
  });

  it('runs the test getTestFunc() returns', async () => {
    expect((await http.get('/weekday/?day=monday')).text).toBe('open');
    expect((await http.get('/weekday/?day=sunday')).headers.location).toBe(
      '/login/?lang=en&next=/weekday/%3Fday%3Dsunday',
    );
  });
});
