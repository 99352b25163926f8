/** The part of autocannon's programmatic API the soak uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      duration: number;
      connections: number;
      /** Seconds before a request without an answer counts as a timeout. Default 10. */
      timeout?: number;
      requests?: Array<{ method?: string; path: string; headers?: Record<string, string>; body?: string }>;
    }
    interface Histogram {
      average: number;
      p50: number;
      p99: number;
      max: number;
      total: number;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
