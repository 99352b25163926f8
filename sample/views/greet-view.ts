import { ClassView, HttpResponse, View } from '../../src/index.js';
import { escapeHtml } from '../html.js';

/** A URL kwarg: `/greet/ada/` answers `Hello, ada`; a segment that is not a slug is a 404. */
@ClassView('greet/<slug:name>/', { name: 'greet' })
export class GreetView extends View {
  get() {
    return new HttpResponse(`Hello, ${escapeHtml(this.kwargs.name)}`);
  }
}
