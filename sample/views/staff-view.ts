import { UseGuards } from '@nestjs/common';
import { ClassView, HttpResponse, View, type ViewRequest } from '../../src/index.js';
import { escapeHtml } from '../html.js';
import { StaffGuard, type StaffUser } from '../staff-guard.js';

/** A guarded view: Nest runs `StaffGuard` before `dispatch()`, which then sees `request.user`. */
@ClassView('staff/', { name: 'staff' })
@UseGuards(StaffGuard)
export class StaffView extends View {
  get(request: ViewRequest) {
    const user = request.user as StaffUser;
    return new HttpResponse(`Hello, ${escapeHtml(user.name)}`);
  }
}
