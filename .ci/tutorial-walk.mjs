// Walks every page of the tutorial's app (docs/tutorial/) as a browser would, with a cookie
// jar: the list, a book's page, the create form (refused without its CSRF token, re-shown
// with its errors, then saved: 302 and the success message, once), the update form,
// pagination, the delete confirmation and the deletion, and the 404 pages that
// `errorPages: true` renders in the layout. Throws on the first page that is not as the
// tutorial says. Expects an empty database.
//
//   node .ci/tutorial-walk.mjs http://127.0.0.1:3000

/** A browser's cookie jar, enough for one host: name → value, deleted cookies dropped. */
class CookieJar {
  cookies = new Map();

  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()),
      );
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A failed expectation, naming the page and showing what it answered. */
function fail(what, page) {
  const body = page ? `\n--- ${page.status} ${page.url}\n${page.text.slice(0, 1500)}` : '';
  throw new Error(`Tutorial app: ${what}${body}`);
}

export async function walkTutorialApp(base, log = console.log) {
  const origin = new URL(base).origin;
  const jar = new CookieJar();

  /** One request as a browser sends it (HTML wanted, cookies, Origin on a POST); no redirect followed. */
  async function request(path, { form, accept = 'text/html,application/xhtml+xml,*/*;q=0.8' } = {}) {
    const headers = { accept, cookie: jar.header() };
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = origin;
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(new URL(path, base), {
      method: form ? 'POST' : 'GET',
      headers,
      body,
      redirect: 'manual',
    });
    jar.store(response);
    return {
      url: path,
      status: response.status,
      location: response.headers.get('location'),
      text: await response.text(),
    };
  }

  function expectPage(page, status, ...texts) {
    if (page.status !== status) fail(`${page.url} answered ${page.status}, not ${status}`, page);
    for (const text of texts) {
      if (text instanceof RegExp ? !text.test(page.text) : !page.text.includes(text))
        fail(`${page.url} lacks ${text}`, page);
    }
    return page;
  }

  /** A page in the layout of base.html: its navigation and its CSS. */
  const LAYOUT = ['<nav><a href="/">Bookshelf</a> <a href="/books/">Books</a></nav>', '<style>'];

  /** The CSRF token of the form on `path`. */
  async function formToken(path, ...texts) {
    const page = expectPage(await request(path), 200, ...LAYOUT, ...texts);
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) fail(`${path} has no CSRF token in its form`, page);
    return token;
  }

  async function submit(path, fields, texts = []) {
    const csrfmiddlewaretoken = await formToken(path, ...texts);
    return request(path, { form: { csrfmiddlewaretoken, ...fields } });
  }

  async function create(book) {
    const saved = await submit('/books/new/', book);
    if (saved.status !== 302 || !/^\/books\/\d+\/$/.test(saved.location ?? ''))
      fail('a valid book did not redirect to its page', saved);
    return saved.location;
  }

  expectPage(await request('/'), 200, ...LAYOUT, '<h1>Bookshelf</h1>');
  expectPage(await request('/books/'), 200, ...LAYOUT, '<h1>Books</h1>', 'No books yet.', 'href="/books/new/"');
  log('list (empty): ok');

  // Create: the form, a POST without the token, an empty POST, then a valid one.
  await formToken('/books/new/', '<h1>New book</h1>', 'name="title"', 'name="author"', 'type="number" name="year"');
  expectPage(
    await request('/books/new/', { form: { title: 'Dune', author: 'Frank Herbert', year: '1965' } }),
    403,
    'CSRF',
  );
  expectPage(
    await submit('/books/new/', { title: '', author: '', year: 'soon' }),
    200,
    'This field is required.',
    'Enter a whole number.',
  );
  const dune = await create({ title: 'Dune', author: 'Frank Herbert', year: '1965' });
  expectPage(
    await request(dune),
    200,
    ...LAYOUT,
    '<h1>Dune</h1>',
    'by Frank Herbert, 1965',
    'class="messages"',
    '“Dune” was added.',
  );
  const again = expectPage(await request(dune), 200, '<h1>Dune</h1>');
  if (again.text.includes('was added')) fail('the success message showed twice', again);
  log(`create (CSRF refused without the token, errors, 302 to ${dune}, message once): ok`);

  expectPage(await request('/books/'), 200, `<a href="${dune}">Dune</a>`, '<td>Frank Herbert</td>');
  log('list and detail: ok');

  // Update.
  await formToken(`${dune}edit/`, 'Edit “Dune”', 'value="Dune"', 'value="1965"');
  const updated = await submit(`${dune}edit/`, { title: 'Dune Messiah', author: 'Frank Herbert', year: '1969' });
  if (updated.status !== 302 || updated.location !== dune) fail(`the update did not redirect to ${dune}`, updated);
  expectPage(await request(dune), 200, '<h1>Dune Messiah</h1>', 'by Frank Herbert, 1969', '“Dune Messiah” was saved.');
  log('update: ok');

  // Pagination: eleven books make two pages of ten.
  for (let i = 1; i <= 10; i += 1)
    await create({ title: `Volume ${String(i).padStart(2, '0')}`, author: 'A. Writer', year: String(2000 + i) });
  const first = expectPage(await request('/books/'), 200, 'Page 1 of 2', 'href="?page=2" rel="next"');
  if ((first.text.match(/<tr><td><a /g) ?? []).length !== 10) fail('the first page does not list ten books', first);
  expectPage(await request('/books/?page=2'), 200, 'Page 2 of 2', 'href="?page=1" rel="prev"', 'Volume 10');
  expectPage(await request('/books/?page=3'), 404, ...LAYOUT, '<h1>Page not found</h1>');
  log('pagination: ok');

  // Delete: the confirmation, then the POST.
  const deleted = await submit(`${dune}delete/`, {}, ['Delete “Dune Messiah”?']);
  if (deleted.status !== 302 || deleted.location !== '/books/')
    fail('the deletion did not redirect to /books/', deleted);
  const list = expectPage(await request('/books/'), 200, '“Dune Messiah” was deleted.');
  if (list.text.includes(`href="${dune}"`)) fail('the deleted book is still listed', list);
  log('delete: ok');

  // Error pages: a missing book and a path no route serves, in the layout; JSON clients keep Nest's answer.
  expectPage(await request(dune), 404, ...LAYOUT, '<h1>Page not found</h1>', `<code>${dune}</code>`);
  expectPage(await request('/nowhere/'), 404, ...LAYOUT, '<h1>Page not found</h1>', '<code>/nowhere/</code>');
  expectPage(await request('/nowhere/', { accept: 'application/json' }), 404, '"statusCode":404');
  log('404 pages: ok');
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  await walkTutorialApp(process.argv[2]);
  console.log('every page of the tutorial app: ok');
}
