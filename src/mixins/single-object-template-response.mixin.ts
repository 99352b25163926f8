import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { View } from '../views/view.js';
import { TemplateResponseMixin } from './template-response.mixin.js';
import type { ViewConstructor } from './view-constructor.js';

type DetailViewLike = View & {
  /** The object shown. */
  object: any;
  /** The model name of `<model>_detail.html` for an object (`SingleObjectMixin`). */
  getModelName(object: unknown): string | undefined;
};

/**
 * Django's `SingleObjectTemplateResponseMixin`: `templateName` alone when set; else the
 * object's `templateNameField`, then `<model>_detail.html` (the suffix is `templateNameSuffix`).
 */
export function SingleObjectTemplateResponseMixin<TBase extends ViewConstructor<DetailViewLike>>(Base: TBase) {
  abstract class SingleObjectTemplateResponseView extends TemplateResponseMixin(Base) {
    /** A field of the object naming its template. Default `null`. */
    templateNameField: string | null = null;
    /** Appended to the model name for the default template. Default `'_detail'`. */
    templateNameSuffix = '_detail';

    override getTemplateNames(): string[] {
      // Django catches the ImproperlyConfigured of a missing template_name; the parent
      // raises it exactly when `templateName` is null, so that case is tested instead
      // (building an exception and its stack on every request is a visible part of a detail
      // page's time: bench/README.md, "Measurements behind the code").
      if (this.templateName !== null) return super.getTemplateNames();
      const names: string[] = [];
      if (this.object && this.templateNameField) {
        const name = this.object[this.templateNameField];
        if (name) names.push(String(name));
      }
      const model = this.getModelName(this.object);
      if (model) names.push(`${model}${this.templateNameSuffix}.html`);
      if (names.length === 0) throw new ImproperlyConfigured(MESSAGES.noTemplateName());
      return names;
    }
  }
  return SingleObjectTemplateResponseView;
}
