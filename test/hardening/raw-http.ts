import type { INestApplication } from '@nestjs/common';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A response read off the wire, and whether it was well-formed HTTP/1.1. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Why the bytes are not a well-formed response, or `null` when they are. */
  malformed: string | null;
}

/** The port an app listens on (it must have called `listen(0, '127.0.0.1')`). */
export function portOf(app: INestApplication): number {
  return (app.getHttpServer().address() as AddressInfo).port;
}

/** Percent-encode every byte of `text`'s UTF-8 (a lone surrogate becomes U+FFFD). */
export function encodeAll(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * Send `head` (request line and headers, without the final blank line) and `body` over
 * a new connection, exactly as given, with `Connection: close`, and read the whole answer.
 */
export function rawRequest(
  port: number,
  head: string,
  body: Buffer = Buffer.alloc(0),
  timeoutMs = 5000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No complete answer within ${timeoutMs} ms to: ${head.slice(0, 200)}`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset after the answer is read is fine
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parse(Buffer.concat(chunks), head.split(' ', 1)[0] === 'HEAD'));
    });
    socket.write(Buffer.concat([Buffer.from(`${head}\r\nConnection: close\r\n\r\n`, 'latin1'), body]));
  });
}

function parse(bytes: Buffer, isHead: boolean): RawResponse {
  const bad = (why: string): RawResponse => ({ status: 0, headers: {}, body: bytes, malformed: why });
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return bad(bytes.length === 0 ? 'no answer' : 'no end of headers');
  const lines = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const statusLine = /^HTTP\/1\.1 (\d{3}) [^\r\n]*$/.exec(lines[0]!);
  if (!statusLine) return bad(`bad status line ${JSON.stringify(lines[0])}`);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match || /[^\t\x20-\x7e\x80-\xff]/.test(match[2]!)) return bad(`bad header line ${JSON.stringify(line)}`);
    headers[match[1]!.toLowerCase()] = match[2]!;
  }
  const status = Number(statusLine[1]);
  let body = bytes.subarray(end + 4);
  const noBody = isHead || status < 200 || status === 204 || status === 304;
  if (headers['transfer-encoding'] === 'chunked' && !noBody) {
    const decoded: Buffer[] = [];
    let rest = body;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      const size = lineEnd < 0 ? NaN : parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (!Number.isInteger(size)) return bad('bad chunk');
      if (size === 0) break;
      decoded.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 4 + size);
    }
    body = Buffer.concat(decoded);
  } else if (noBody) {
    if (body.length !== 0) return bad(`a ${status} answer to ${isHead ? 'HEAD' : 'a request'} with a body`);
  } else if (headers['content-length'] !== undefined) {
    if (Number(headers['content-length']) !== body.length)
      return bad(`Content-Length ${headers['content-length']} but ${body.length} bytes`);
  }
  return { status, headers, body, malformed: null };
}
