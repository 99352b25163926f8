import { Injectable, type PipeTransform, UsePipes } from '@nestjs/common';
import { ClassView } from '../../src/index.js';
import { BodyEchoView } from '../views.js';

/** Upper-cases every string property of an object body. */
@Injectable()
export class ShoutPipe implements PipeTransform {
  transform(value: unknown) {
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v.toUpperCase() : v]));
  }
}

/** `piped/`: echoes the body after a class-level `@UsePipes(ShoutPipe)`. */
@ClassView('piped/')
@UsePipes(ShoutPipe)
export class PipedView extends BodyEchoView {}
