import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * True when `signature` (the `X-Hub-Signature-256` header, `sha256=<hex>`) is the HMAC-SHA256 of
 * `body` under `secret`. Compared in constant time; any malformed header is simply false.
 */
export function verifySignature(secret: string, body: Buffer, signature: string | undefined): boolean {
  if (!secret || typeof signature !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
