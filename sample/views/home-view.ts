import { ClassView, HttpResponse, UrlResolver, View } from '../../src/index.js';
import { escapeHtml } from '../html.js';

/** The root page: links to every other page, built from route names with the injected `UrlResolver`. */
@ClassView('', { name: 'home' })
export class HomeView extends View {
  constructor(private readonly urls: UrlResolver) {
    super();
  }

  get() {
    const links: Array<[string, string]> = [
      [this.urls.reverse('hello'), 'A plain view'],
      [this.urls.reverse('hi'), 'The same view, routed in the URLconf with asView({ greeting: "Hi" })'],
      ['/async/', 'An async view (unnamed route)'],
      [this.urls.reverse('greet', { name: 'ada' }), 'A view with a URL kwarg'],
      [this.urls.reverse('staff'), 'A guarded view (send X-Staff: yes)'],
    ];
    const items = links.map(([href, label]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`);
    return new HttpResponse(
      [
        '<!doctype html>',
        '<html lang="en">',
        '<head><meta charset="utf-8"><title>nestjs-class-views sample</title></head>',
        '<body>',
        '<h1>nestjs-class-views sample</h1>',
        `<ul>${items.join('')}</ul>`,
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    );
  }
}
