/** The API's web pages (web/, built by Vite into dist/web/): the playground and the explorer, their assets, and the CSP they run under. */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` writes the pages; the same path from src/ (tsx) and from dist/ (compiled). */
const WEB_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * Only the API's own origin, for everything. The exceptions, each tried without and found needed in Chromium:
 * - style-src 'unsafe-inline': monaco writes its styles into <style> elements and style attributes at run time;
 * - font-src data: GraphiQL's stylesheet carries its fonts (Roboto, Fira Code, monaco's codicons) as data: URLs;
 * Scripts are 'self' only: no inline script and no eval (neither is needed). Monaco's workers are files under
 * /assets/, so worker-src is 'self', without blob:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names its outputs name-<8 hash characters>.ext: such a file never changes, so browsers may keep it. */
const HASHED = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
/** Longest asset name: Vite's are under 40 characters, and a file system refuses names past 255 bytes (a 500, not a 404). */
const MAX_ASSET_NAME = 100;
/** An asset is one plain file name inside assets/: no slash, no backslash, no leading dot (so no `..`). */
const ASSET_NAME = new RegExp(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,${MAX_ASSET_NAME - 1}}$`);

/** Wants a page rather than a GraphQL answer: a browser's navigation (GET or HEAD, see serveWeb), which asks for HTML first. */
function wantsHtml(req: IncomingMessage): boolean {
  // Stryker disable next-line StringLiteral: equivalent, any text without "text/html" reads as no Accept header (README: Mutation testing)
  return /\btext\/html\b/.test(req.headers.accept ?? '');
}

function sendText(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
    throw error;
  }
}

async function sendPage(res: ServerResponse, dir: string, page: string) {
  const html = await readOrUndefined(join(dir, page, 'index.html'));
  if (!html) return sendText(res, 404, `the ${page} page is not built: run \`npm run build:web\` (it writes ${dir}/${page}/index.html)`);
  res.writeHead(200, { 'content-type': TYPES['.html'], 'content-security-policy': CONTENT_SECURITY_POLICY });
  // Node sends no body in answer to HEAD, whatever end() is given.
  res.end(html);
}

async function sendAsset(res: ServerResponse, dir: string, rawName: string) {
  let name: string | undefined;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    // A malformed escape names no file.
  }
  if (name === undefined || !ASSET_NAME.test(name)) return sendText(res, 400, `an asset is named by a plain file name of at most ${MAX_ASSET_NAME} characters under /assets/`);
  const body = await readOrUndefined(join(dir, 'assets', name));
  if (!body) return sendText(res, 404, `no asset ${name}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
    'cache-control': HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

/**
 * Answers the request if it is for a page or an asset, and says whether it did: GET / and GET /graphql asking for HTML
 * get the playground, GET /explore the explorer, GET /assets/<name> a built file. Call it only where pages are served.
 */
export async function serveWeb(req: IncomingMessage, res: ServerResponse, pathname: string, dir: string = WEB_DIR): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (pathname.startsWith('/assets/')) {
    await sendAsset(res, dir, pathname.slice('/assets/'.length));
    return true;
  }
  if (pathname === '/explore' || pathname === '/explore/') {
    await sendPage(res, dir, 'explore');
    return true;
  }
  if ((pathname === '/' || pathname === '/graphql') && wantsHtml(req)) {
    await sendPage(res, dir, 'playground');
    return true;
  }
  return false;
}
