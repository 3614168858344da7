import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';

/**
 * The request's JSON body, at most `maxBytes`: a larger body is refused with 413 as soon as it is seen to be larger
 * (its Content-Length, or its bytes as they arrive), without reading the rest. An empty body reads as `{}`.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new HttpError(413, { error: 'PayloadTooLarge', message: `The request body is larger than ${maxBytes} bytes.` }, { Connection: 'close' });
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType) && declared !== 0)
    throw new HttpError(415, { error: 'UnsupportedMediaType', message: 'Send the body as application/json.' });

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, {
      error: 'MalformedJson',
      message: `The request body is not valid JSON: ${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}.`,
    });
  }
}

/** A JSON object body, or 400. */
export function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, { error: 'MalformedJson', message: 'The request body must be a JSON object.' });
  return body as Record<string, unknown>;
}
