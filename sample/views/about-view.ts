import { ClassView, type Kwargs, TemplateView } from '../../src/index.js';

/**
 * The subclassed TemplateView: its own template and one more context key. Named
 * `about` (the route has no name) so the layout's navigation can reverse it.
 */
@ClassView('about/', { name: 'about' })
export class AboutView extends TemplateView {
  templateName = 'about.html';

  getContextData(kwargs: Kwargs) {
    return { ...super.getContextData(kwargs), team: ['Ada', 'Linus'] };
  }
}
