/**
 * The test views several suites share, as Django's tests/generic_views/views.py holds the
 * views its tests route to. Each answers a fixed, recognisable body, so a test reads what it
 * expects from the view's name: `AboutView` says `about`, `PingView` says `pong`. A view a
 * single suite needs stays in that suite, beside its tests.
 */
import { ClassView, HttpResponse, JsonResponse, View, type ViewRequest } from '../src/index.js';

/** `about/`, named `about`: answers `about`. */
@ClassView('about/', { name: 'about' })
export class AboutView extends View {
  get() {
    return new HttpResponse('about');
  }
}

/** `hello/`, named `hello`: answers its `greeting` (`Hello`), which `asView()` may change. */
@ClassView('hello/', { name: 'hello' })
export class HelloView extends View {
  greeting = 'Hello';
  get(_request: ViewRequest) {
    return new HttpResponse(this.greeting);
  }
}

/** `ping/`: answers `pong`, and needs nothing (no database, no template). */
@ClassView('ping/')
export class PingView extends View {
  get() {
    return new HttpResponse('pong');
  }
}

/** Answers a POST with the body it was given, as `{ body }`. Route it with `asView()`. */
export class BodyEchoView extends View {
  post(request: ViewRequest) {
    return new JsonResponse({ body: request.body });
  }
}

/** Answers a GET with its URL kwargs as JSON. Route it with `asView()`. */
export class KwargsView extends View {
  get() {
    return new JsonResponse(this.kwargs);
  }
}
