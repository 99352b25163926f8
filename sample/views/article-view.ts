import { ClassView, TemplateView } from '../../src/index.js';

/** Where `/go/<slug>/` redirects: the URL kwarg `slug` is in the template's context as is. */
@ClassView('articles/<slug:slug>/', { name: 'article' })
export class ArticleView extends TemplateView {
  templateName = 'article.html';
}
