/** The cookies a browser keeps between requests: set by `Set-Cookie`, removed by `Max-Age=0`. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Take the `Set-Cookie` headers of a response. */
  take(setCookie: string | string[] | undefined): this {
    for (const line of ([] as string[]).concat(setCookie ?? [])) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      if (/;\s*Max-Age=0(;|$)/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1));
    }
    return this;
  }

  /** One cookie's value. */
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Set one cookie, as a client could. */
  set(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  /** The `Cookie` header, with `extra` pairs first (`csrftoken=…`). */
  header(...extra: string[]): string {
    return [...extra, ...[...this.cookies].map(([name, value]) => `${name}=${value}`)].join('; ');
  }
}
