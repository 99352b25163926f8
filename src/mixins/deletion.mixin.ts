import { MESSAGES } from '../class-views.messages.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { HttpResponse } from '../http/http-response.js';
import { HttpResponseRedirect } from '../http/http-response-redirect.js';
import type { ViewRequest } from '../http/view-request.js';
import type { Kwargs, View } from '../views/view.js';
import { formatSuccessUrl } from './model-form.mixin.js';
import type { ViewConstructor } from './view-constructor.js';

type ObjectView = View & {
  object: any;
  successUrl: string | null;
  getObject(): Promise<any>;
  getObjectSource(): Promise<ObjectSource<any>>;
  answersJson(): boolean;
};

/**
 * Django's `DeletionMixin`: the DELETE method deletes the object the URL names and
 * redirects to `successUrl`, computed before the row goes so that `{id}` still fills in.
 * A JSON client gets 204.
 */
export function DeletionMixin<TBase extends ViewConstructor<ObjectView>>(Base: TBase) {
  abstract class DeletionMixinView extends Base {
    /** Delete the object, then redirect to `getSuccessUrl()`. */
    override async delete(_request: ViewRequest, _args: readonly unknown[], _kwargs: Kwargs): Promise<HttpResponse> {
      this.object = await this.getObject();
      return this.deleteObject();
    }

    /** Work out the success URL, delete `this.object` through the data source, redirect (204 for JSON). */
    async deleteObject(): Promise<HttpResponse> {
      const successUrl = this.answersJson() ? null : this.getSuccessUrl();
      const source = await this.getObjectSource();
      if (typeof source.delete !== 'function') throw new ImproperlyConfigured(MESSAGES.sourceCannotWrite(this.constructor.name, 'delete'));
      await source.delete(this.object);
      return successUrl === null ? new HttpResponse(null, { status: 204 }) : new HttpResponseRedirect(successUrl);
    }

    /** `successUrl` with `{field}`s filled from the object; `ImproperlyConfigured` when unset. */
    getSuccessUrl(): string {
      if (!this.successUrl) throw new ImproperlyConfigured(MESSAGES.noSuccessUrl());
      return formatSuccessUrl(this.successUrl, this.object, this.constructor.name);
    }
  }
  return DeletionMixinView;
}
