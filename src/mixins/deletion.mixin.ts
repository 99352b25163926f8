import { MESSAGES } from '../class-views.messages.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { HttpResponse } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import type { Kwargs, View } from '../views/view.js';
import { fillSuccessUrl } from './model-form.mixin.js';
import type { ViewConstructor } from './view-constructor.js';
import type { Outcome } from './answer.mixin.js';

/** A single-object view that answers through `AnswerMixin` (`FormMixin` applies it). */
type ObjectView = View & {
  /** The object deleted. */
  object: any;
  successUrl: string | null;
  /** Find the object the URL names, or 404 (`SingleObjectMixin`). */
  getObject(): Promise<any>;
  /** The source of the objects (`getQueryset()` as an `ObjectSource`). */
  getObjectSource(): Promise<ObjectSource<any>>;
  /** Turn an outcome into the response (`AnswerMixin`). */
  renderAnswer(outcome: Outcome): HttpResponse;
};

/**
 * Django's `DeletionMixin`: the DELETE method deletes the object the URL names and
 * redirects to `successUrl`, computed before the row goes so that `{id}` still fills in.
 * The answer is the `deleted` outcome of `renderAnswer()`: with `JsonResponseMixin`, a JSON
 * client gets 204.
 */
export function DeletionMixin<TBase extends ViewConstructor<ObjectView>>(Base: TBase) {
  abstract class DeletionMixinView extends Base {
    /** Delete the object the URL names (`deleteObject()`): a redirect to `getSuccessUrl()`, 204 for JSON. */
    override async delete(_request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): Promise<HttpResponse> {
      this.object = await this.getObject();
      return this.deleteObject();
    }

    /**
     * Delete `this.object` through the data source and answer the `deleted` outcome: a redirect
     * (204 for JSON). The answer is rendered before the row goes, as Django works out the
     * success URL first: `{id}` still fills in, and a missing `successUrl` deletes nothing.
     */
    async deleteObject(): Promise<HttpResponse> {
      const answer = this.renderAnswer({
        kind: 'deleted',
        object: this.object,
        successUrl: () => this.getSuccessUrl(),
      });
      const source = await this.getObjectSource();
      if (typeof source.delete !== 'function')
        throw new ImproperlyConfigured(MESSAGES.sourceCannotWrite(this.constructor.name, 'delete'));
      await source.delete(this.object);
      return answer;
    }

    /** `successUrl` with `{field}`s filled from the object; `ImproperlyConfigured` when unset. */
    getSuccessUrl(): string {
      if (!this.successUrl) throw new ImproperlyConfigured(MESSAGES.noSuccessUrl());
      return fillSuccessUrl(this.successUrl, this.object, this);
    }
  }
  return DeletionMixinView;
}
