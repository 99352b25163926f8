import { BadRequestException } from '@nestjs/common';

/**
 * Django's `DisallowedRedirect`: a redirect to a URL whose scheme is not `http`, `https`
 * or `ftp` (or relative). Answered with 400, the redirect is never sent.
 */
export class DisallowedRedirect extends BadRequestException {
  constructor(message: string) {
    super(message);
    this.name = 'DisallowedRedirect';
  }
}
