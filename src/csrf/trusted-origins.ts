import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { CSRF_MESSAGES } from './csrf.messages.js';
import { MESSAGES } from '../class-views.messages.js';

/** `scheme://netloc` at the start of a URL: the scheme and the host with its port. */
const URL_START = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/;

/** The scheme (lower-cased) and netloc of `url`, or `null` when it has none. */
function splitUrl(url: string): { scheme: string; netloc: string } | null {
  const match = URL_START.exec(url);
  return match ? { scheme: match[1]!.toLowerCase(), netloc: match[2]! } : null;
}

/**
 * Whether `host` is `pattern`, or under it when `pattern` starts with a dot
 * (`.example.com` covers `example.com` and `a.example.com`): Django's `is_same_domain()`.
 */
export function isSameDomain(host: string, pattern: string): boolean {
  if (!pattern) return false;
  host = host.toLowerCase();
  pattern = pattern.toLowerCase();
  return pattern === host || (pattern[0] === '.' && (host.endsWith(pattern) || host === pattern.slice(1)));
}

/**
 * The `trustedOrigins` option, read once at start-up (Django's `CSRF_TRUSTED_ORIGINS`):
 * exact origins, and `scheme://*.domain` entries that cover every subdomain.
 */
export class TrustedOrigins {
  private readonly exact = new Set<string>();
  /** By scheme: `.domain` patterns from the `*.` entries. */
  private readonly subdomains = new Map<string, string[]>();
  /** Every entry's host (`*` dropped, so `.example.com`), for the `Referer` check. */
  private readonly hosts: string[] = [];

  constructor(origins: readonly string[] = []) {
    for (const origin of origins) {
      const parts = splitUrl(origin);
      if (!parts) throw new ImproperlyConfigured(MESSAGES.csrfOriginWithoutScheme(origin));
      this.hosts.push(parts.netloc.replace(/^\*/, ''));
      if (!origin.includes('*')) {
        this.exact.add(origin);
      } else if (parts.netloc.startsWith('*')) {
        const list = this.subdomains.get(parts.scheme) ?? [];
        list.push(parts.netloc.slice(1));
        this.subdomains.set(parts.scheme, list);
      }
    }
  }

  /**
   * Whether an `Origin` header may send unsafe requests: the request's own origin
   * (`https://` + `Host` on a secure request), or a trusted one.
   */
  allowsOrigin(origin: string, secure: boolean, host: string | undefined): boolean {
    if (host && origin === `${secure ? 'https' : 'http'}://${host}`) return true;
    if (this.exact.has(origin)) return true;
    const parts = splitUrl(origin);
    if (!parts) return false;
    return (this.subdomains.get(parts.scheme) ?? []).some((pattern) => isSameDomain(parts.netloc, pattern));
  }

  /**
   * Why an HTTPS request's `Referer` is refused, or `null` when it comes from this site
   * (`goodHost`: the cookie's domain, else the request's host) or a trusted origin.
   */
  refererError(referer: string | undefined, goodHost: string | undefined): string | null {
    if (referer === undefined) return CSRF_MESSAGES.noReferer;
    const parts = splitUrl(referer);
    if (!parts || parts.netloc === '') return CSRF_MESSAGES.malformedReferer;
    if (parts.scheme !== 'https') return CSRF_MESSAGES.insecureReferer;
    if (this.hosts.some((host) => isSameDomain(parts.netloc, host))) return null;
    if (goodHost && isSameDomain(parts.netloc, goodHost)) return null;
    return CSRF_MESSAGES.badReferer(referer);
  }
}
