import { ClassView, TemplateView } from '../../src/index.js';

/** The root page: `home.html` links to every other page, by route name with the `url()` template helper. */
@ClassView('', { name: 'home' })
export class HomeView extends TemplateView {
  templateName = 'home.html';
}
