import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ClassView, HttpResponse, View } from '../../src/index.js';

/** htmx, served by the app itself from the `htmx.org` package: the sample needs no network. */
const HTMX = readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'));

@ClassView('static/htmx.min.js', { name: 'htmx-js' })
export class HtmxScriptView extends View {
  get() {
    return new HttpResponse(HTMX, {
      contentType: 'text/javascript; charset=utf-8',
      headers: { 'Cache-Control': 'public, max-age=86400' },
    });
  }
}
