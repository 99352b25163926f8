import {
  type ArgumentsHost,
  BadRequestException,
  type CanActivate,
  Catch,
  type ExceptionFilter,
  Injectable,
  NotFoundException,
  type PipeTransform,
  UseFilters,
  UseGuards,
  UsePipes,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ClassView, Http404, HttpResponse, PermissionDenied, rotateToken, View } from '../../src/index.js';

/** What a server-side failure must never show: a stack frame or a file path. */
export const LEAK = /\bat .+:\d+:\d+|\/work\/|node_modules|\.ts\b/;

/** Throws an error whose message names a file: the 500 page must not show it. */
@ClassView('boom/')
export class BoomView extends View {
  get(): HttpResponse {
    throw new Error('secret detail in /work/app/boom.ts');
  }
}

@ClassView('missing/')
export class MissingView extends View {
  get(): HttpResponse {
    throw new Http404('No thing here');
  }
}

@ClassView('denied/')
export class DeniedView extends View {
  get(): HttpResponse {
    throw new PermissionDenied('Members only');
  }
}

/** Refuses every request: Nest's 403 before the view runs. */
class NeverGuard implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@ClassView('guarded/')
@UseGuards(NeverGuard)
export class GuardedView extends View {
  get(): HttpResponse {
    return new HttpResponse('never');
  }
}

/** Refuses every body: a 400 from a pipe, before the view runs. */
class RefusingPipe implements PipeTransform {
  transform(): never {
    throw new BadRequestException('Validation failed');
  }
}

@ClassView('piped/')
@UsePipes(RefusingPipe)
export class PipedView extends View {
  override csrfExempt = true;
  post(): HttpResponse {
    return new HttpResponse('never');
  }
}

/** Accepts JSON bodies, so that a malformed one is the body parser's 400. */
@ClassView('echo/')
export class EchoView extends View {
  override csrfExempt = true;
  post(): HttpResponse {
    return new HttpResponse('echo');
  }
}

/** A form POST: without the CSRF cookie, a refusal. */
@ClassView('form/')
export class FormView extends View {
  get(): HttpResponse {
    return new HttpResponse('form');
  }
  post(): HttpResponse {
    return new HttpResponse('posted');
  }
}

/** A 404 the app answers itself, with an `APP_FILTER`. */
export class GoneAway extends NotFoundException {}

@ClassView('gone-away/')
export class GoneAwayView extends View {
  get(): HttpResponse {
    throw new GoneAway('gone');
  }
}

@Catch(GoneAway)
@Injectable()
export class GoneAwayFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  catch(_error: GoneAway, host: ArgumentsHost) {
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), 'the app’s APP_FILTER', 404);
  }
}

/** Thrown where a filter given to `useGlobalFilters()` answers. */
export class Teapot extends Error {}

@ClassView('teapot/')
export class TeapotView extends View {
  get(): HttpResponse {
    throw new Teapot('short and stout');
  }
}

/** Catches `Teapot` for `useGlobalFilters()`; `adapterHost` is given, as an app does with `new`. */
@Catch(Teapot)
export class TeapotFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  catch(_error: Teapot, host: ArgumentsHost) {
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), 'the app’s global filter', 418);
  }
}

/** A view's own catch-all filter. */
@Catch()
export class OwnPageFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  catch(_error: unknown, host: ArgumentsHost) {
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), 'the view’s own filter', 404);
  }
}

@ClassView('own-filter/')
@UseFilters(OwnPageFilter)
export class OwnFilterView extends View {
  get(): HttpResponse {
    throw new Http404('hidden by the view’s filter');
  }
}

@ClassView('only-get/')
export class OnlyGetView extends View {
  get(): HttpResponse {
    return new HttpResponse('ok');
  }
}

/** Rotates the CSRF secret (as a login does), then finds nothing: the 404 page must keep the new secret. */
@ClassView('rotate-then-missing/')
export class RotateThenMissingView extends View {
  get(): HttpResponse {
    rotateToken(this.request);
    throw new Http404('Signed in, but no such page');
  }
}

export const ERROR_VIEWS = [
  RotateThenMissingView,
  BoomView,
  MissingView,
  DeniedView,
  GuardedView,
  PipedView,
  EchoView,
  FormView,
  GoneAwayView,
  TeapotView,
  OwnFilterView,
  OnlyGetView,
];
