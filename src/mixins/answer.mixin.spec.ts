import { describe, expect, it } from '@jest/globals';
import { CharField } from '../forms/fields.js';
import { Form } from '../forms/form.js';
import { HttpResponse } from '../http/http-response.js';
import { ViewRequest } from '../http/view-request.js';
import { DeleteView } from '../views/delete.view.js';
import { FormView } from '../views/form.view.js';
import { ListView } from '../views/list.view.js';
import type { View } from '../views/view.js';
import type { AnsweringView, Outcome, Representation } from './answer.mixin.js';
import { JsonResponseMixin } from './json-response.mixin.js';
import type { ViewConstructor } from './view-constructor.js';

/** A new kind of answer in one mixin: htmx requests get `HX-Redirect` instead of a redirect, and a fragment for pages. */
function HtmxMixin<TBase extends ViewConstructor<AnsweringView>>(Base: TBase) {
  abstract class HtmxView extends Base {
    override getRepresentation(): Representation {
      return this.request.header('hx-request') === 'true' ? 'htmx' : super.getRepresentation();
    }

    override renderAnswer(outcome: Outcome): HttpResponse {
      if (this.representation() !== 'htmx') return super.renderAnswer(outcome);
      if (outcome.kind === 'page' || outcome.kind === 'invalid')
        return new HttpResponse(`fragment of ${Object.keys(outcome.context).sort().join(',')}`);
      return new HttpResponse(null, { status: 204, headers: { 'HX-Redirect': outcome.successUrl() } });
    }
  }
  return HtmxView;
}

class NoteForm extends Form {
  static override fields = { text: new CharField({ maxLength: 10 }) };
}

const serve = async (
  view: View,
  method: string,
  headers: Record<string, string> = {},
  body?: unknown,
  kwargs: Record<string, unknown> = {},
) => {
  const request = new ViewRequest({ headers }, method, '/x/', body);
  view.setup(request, [], kwargs);
  return view.dispatch(request, [], kwargs);
};
const HTMX = { 'hx-request': 'true' };

describe('One place decides the representation and renders each outcome', () => {
  it('adds an htmx answer to a form view in one mixin; browsers still get the redirect and the page', async () => {
    class NoteView extends HtmxMixin(FormView) {
      override formClass = NoteForm;
      override successUrl = '/notes/';
      override templateName = 'note.html';
    }
    const htmx = await serve(new NoteView(), 'POST', HTMX, { text: 'hello' });
    expect(htmx.status).toBe(204);
    expect(htmx.headers.get('HX-Redirect')).toBe('/notes/');
    expect((await serve(new NoteView(), 'POST', HTMX, { text: 'x'.repeat(11) })).content.toString()).toBe(
      'fragment of form,view',
    );
    const browser = await serve(new NoteView(), 'POST', {}, { text: 'hello' });
    expect([browser.status, browser.headers.get('Location')]).toEqual([302, '/notes/']);
  });

  it('answers a deletion and a list through the same mixin', async () => {
    const notes = [
      { id: 1, text: 'a' },
      { id: 2, text: 'b' },
    ];
    class NoteDeleteView extends HtmxMixin(DeleteView) {
      override queryset = notes;
      override successUrl = '/notes/?deleted={id}';
    }
    const deleted = await serve(new NoteDeleteView(), 'POST', HTMX, {}, { pk: 1 });
    expect([deleted.status, deleted.headers.get('HX-Redirect')]).toEqual([204, '/notes/?deleted=1']);
    expect(notes.map((note) => note.id)).toEqual([2]);
    class NoteListView extends HtmxMixin(ListView) {
      override queryset = notes;
    }
    expect((await serve(new NoteListView(), 'GET', HTMX)).content.toString()).toBe(
      'fragment of is_paginated,object_list,page_obj,paginator,view',
    );
  });

  it('stacks with JSON: each mixin answers its own representation and leaves the others to super', async () => {
    class NoteView extends JsonResponseMixin(HtmxMixin(FormView)) {
      override formClass = NoteForm;
      override successUrl = '/notes/';
      override templateName = 'note.html';
    }
    const json = await serve(new NoteView(), 'POST', { 'content-type': 'application/json' }, { text: 'x'.repeat(11) });
    expect(json.status).toBe(422);
    expect(JSON.parse(json.content.toString())).toEqual({
      errors: { text: ['Ensure this value has at most 10 characters (it has 11).'] },
    });
    expect((await serve(new NoteView(), 'POST', HTMX, { text: 'hi' })).headers.get('HX-Redirect')).toBe('/notes/');
  });

  it('asks getRepresentation() once per request', async () => {
    let asked = 0;
    class CountingView extends JsonResponseMixin(FormView) {
      override formClass = NoteForm;
      override successUrl = '/notes/';
      override getRepresentation(): Representation {
        asked += 1;
        return super.getRepresentation();
      }
    }
    await serve(new CountingView(), 'POST', { accept: 'application/json' }, { text: 'x'.repeat(11) });
    expect(asked).toBe(1);
  });
});
