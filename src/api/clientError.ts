import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';

const REASONS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request was not received in time'],
  HPE_HEADER_OVERFLOW: [431, 'the request line and headers are larger than 1 MiB'],
};

/**
 * A request Node could not even parse (raw non-ASCII in the URL, a broken request line, a header flood)
 * never reaches a route, so its face is unknown: the answer carries both envelopes, REST's `error` and
 * the Alibaba face's `Code`/`Message`, and a message saying what to fix.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = REASONS[error.code ?? ''] ?? [
    400,
    'the request is not valid HTTP; characters outside ASCII in the URL must be percent-encoded (e.g. curl --url-query)',
  ];
  const body = JSON.stringify({
    error: { code: status === 400 ? 'VALIDATION_FAILED' : 'PAYLOAD_TOO_LARGE', message },
    RequestId: randomUUID().toUpperCase(),
    Success: false,
    Code: status === 408 ? 'RequestTimeout' : 'InvalidParameter',
    Message: message,
    HttpStatusCode: status,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
