import { ClassView, HttpResponse, View, type ViewRequest } from '../../src/index.js';

/** A plain GET view; `greeting` is an attribute so a URLconf route can override it with `asView()`. */
@ClassView('hello/', { name: 'hello' })
export class HelloView extends View {
  greeting = 'Hello';

  get(_request: ViewRequest) {
    return new HttpResponse(this.greeting);
  }
}
