import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The request line and headers the API reads (Node's default is 16 KiB): every request its
 * OpenAPI document calls valid fits, the largest being a list `filter` at its bounds (500
 * ids, 50 event names, a search text), URL-encoded. Past it: 431, below.
 */
export const MAX_REQUEST_HEAD_BYTES = 128 * 1024;

/** What Node's HTTP parser found wrong, as the API's error shape (status, code, message). */
function describe(error: NodeJS.ErrnoException, maxHeaderSize: number): [number, string, string] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        'REQUEST_HEADER_FIELDS_TOO_LARGE',
        `The request line and headers are larger than the ${Math.round(maxHeaderSize / 1024)} KB the server ` +
          'accepts: shorten the URL (fewer filter values per request) or the headers.',
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'REQUEST_TIMEOUT', 'The request was not received in time.'];
    default:
      return [400, 'BAD_REQUEST', 'The request is not valid HTTP/1.1.'];
  }
}

/**
 * Requests that Node's HTTP parser refuses before any route runs (request line and headers
 * over its limit, malformed HTTP) get the API's JSON error shape rather than Node's bare
 * status line, so that every 4xx names the problem.
 */
export function answerClientErrorsAsJson(server: Server, maxHeaderSize = MAX_REQUEST_HEAD_BYTES): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] = describe(error, maxHeaderSize);
    const body = JSON.stringify({ statusCode: status, code, message });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
