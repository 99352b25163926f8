import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

/** The user the sample's guard attaches to the request. */
export interface StaffUser {
  name: string;
}

/**
 * Lets a request through only when it carries `X-Staff: yes`, and attaches the user to
 * the platform request, where a view reads it as `request.user`. A refused request gets
 * Nest's 403.
 */
@Injectable()
export class StaffGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; user?: StaffUser }>();
    if (request.headers['x-staff'] !== 'yes') return false;
    request.user = { name: 'staff' };
    return true;
  }
}
