import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { TemplateResponseMixin } from './template-response.mixin.js';
import type { ViewConstructor } from './view-constructor.js';
import type { View } from '../views/view.js';

type ListViewLike = View & { objectList: ObjectSource<any> | null };

/**
 * Django's `MultipleObjectTemplateResponseMixin`: `templateName` if set, then always
 * `<model>_list.html` (the suffix is `templateNameSuffix`) when the list has a model.
 */
export function MultipleObjectTemplateResponseMixin<TBase extends ViewConstructor<ListViewLike>>(Base: TBase) {
  abstract class MultipleObjectTemplateResponseView extends TemplateResponseMixin(Base) {
    /** Appended to the model name for the default template. Default `'_list'`. */
    templateNameSuffix = '_list';

    override getTemplateNames(): string[] {
      const names = this.templateName === null ? [] : super.getTemplateNames();
      const model = this.objectList?.modelName;
      if (model) names.push(`${model}${this.templateNameSuffix}.html`);
      if (names.length === 0) throw new ImproperlyConfigured(MESSAGES.listTemplateMissing(this.constructor.name));
      return names;
    }
  }
  return MultipleObjectTemplateResponseView;
}
