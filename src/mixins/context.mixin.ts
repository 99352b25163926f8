import type { Kwargs } from '../views/view.js';
import type { TemplateContext } from '../templates/template-engine.interface.js';
import type { ViewConstructor } from './view-constructor.js';

/**
 * Django's `ContextMixin`: builds the template context from the URL kwargs, the view
 * itself (`view`) and `extraContext`, which wins over both.
 */
export function ContextMixin<TBase extends ViewConstructor>(Base: TBase) {
  abstract class ContextMixinView extends Base {
    /** Added to every context last, so it wins over everything else. Default `null`. */
    extraContext: TemplateContext | null = null;

    /** The context for the template: `kwargs`, then `view` (unless given), then `extraContext`. */
    getContextData(kwargs: Kwargs = {}): TemplateContext {
      // One literal: V8 takes a slow path when a property is added to a copy of `kwargs`
      // afterwards, on every request (bench/README.md, "Measurements behind the code").
      // Later entries win, as Django's `setdefault()` then `update()`.
      const extra = this.extraContext;
      return extra ? { view: this, ...kwargs, ...extra } : { view: this, ...kwargs };
    }
  }
  return ContextMixinView;
}
