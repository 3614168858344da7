import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Serves the built app (dist/) on the server's own origin, so students open the printed address. Only files inside
 * the folder; anything else that is not a file gets index.html (the app routes by hash).
 */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    relative = '/';
  }
  const wanted = normalize(join(root, relative));
  const inside = wanted === root || wanted.startsWith(root.endsWith(sep) ? root : root + sep);
  let file = join(root, 'index.html');
  if (inside && !relative.includes('\0')) {
    const found = await stat(wanted).catch(() => undefined);
    if (found?.isFile()) file = wanted;
  }
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('The app is not built: run `npx vite build`.');
    return;
  }
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': file.endsWith('index.html') || file.endsWith('sw.js') ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(response);
}
