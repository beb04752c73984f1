import type { IncomingMessage } from 'node:http';

/** GitHub caps webhook payloads at 25 MB: a larger body is not a delivery from GitHub. */
export const WEBHOOK_BODY_LIMIT = 25 * 1024 * 1024;

/** A request body, or why it was not read. */
export type BoundedBody = { body: Buffer } | { tooLarge: true } | { aborted: true };

/**
 * Reads a request body of at most `limit` bytes. A declared Content-Length over the limit is
 * refused before a byte is read; a streamed body is dropped as soon as it passes the limit, so an
 * unauthenticated sender can never make the process hold more than `limit` bytes per request.
 */
export function readBoundedBody(request: IncomingMessage, limit = WEBHOOK_BODY_LIMIT): Promise<BoundedBody> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BoundedBody) => {
      if (settled) return;
      settled = true;
      request.removeAllListeners('data');
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ tooLarge: true });
        // Stop reading: the rest of the body is never buffered.
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => settle({ body: Buffer.concat(chunks, size) }));
    request.on('error', () => settle({ aborted: true }));
    request.on('close', () => settle({ aborted: true }));
  });
}
