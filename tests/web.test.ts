/**
 * The pages' HTTP side (src/web.ts): routes, content types, caching, the CSP, refused names, and no pages where
 * introspection is off. Routing details run against a small fixture folder; the real build (dist/web) is checked
 * through the real server. What the pages do in a browser is tests/playground.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import { CONTENT_SECURITY_POLICY, serveWeb } from '../src/web.js';
import { embeddedStore, silentLogger } from './helpers.js';

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('serving a built web folder', () => {
  let fixture: Server;
  let base: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-web-'));
    mkdirSync(join(dir, 'playground'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'playground', 'index.html'), '<!doctype html><title>playground</title>');
    writeFileSync(join(dir, 'assets', 'playground-AbCd1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'codicon-Zz_9-y8x.ttf'), 'font');
    writeFileSync(join(dir, 'assets', 'plain.css'), 'body{}');
    writeFileSync(join(dir, 'assets', 'model.bin'), 'weights');
    writeFileSync(join(dir, 'secret.txt'), 'outside assets');
    mkdirSync(join(dir, 'assets', 'folder'));
    fixture = createServer((req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      serveWeb(req, res, pathname, dir).then((served) => {
        if (!served) res.writeHead(418).end('not a page');
      });
    });
    await new Promise<void>((resolve) => fixture.listen(0, '127.0.0.1', resolve));
    const address = fixture.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(() => new Promise<void>((resolve) => fixture.close(() => resolve())));

  it('serves the playground for GET / and GET /graphql from a browser, under the CSP', async () => {
    for (const path of ['/', '/graphql']) {
      const response = await fetch(base + path, { headers: html });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>playground</title>');
    }
  });

  it('answers HEAD for a page and an asset with their headers and no body', async () => {
    const page = await fetch(`${base}/`, { method: 'HEAD', headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('');
    const asset = await fetch(`${base}/assets/playground-AbCd1234.js`, { method: 'HEAD' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('');
  });

  it('answers an asset name that is a folder as a missing asset', async () => {
    const response = await fetch(`${base}/assets/folder`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('no asset folder');
  });

  it('leaves GET /graphql without text/html, and POSTs, to GraphQL', async () => {
    expect((await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } })).status).toBe(418);
    expect((await fetch(`${base}/`, { method: 'POST', headers: html })).status).toBe(418);
  });

  it('says how to build the explorer when /explore or /explore/ is not built', async () => {
    for (const path of ['/explore', '/explore/']) {
      const response = await fetch(base + path, { headers: html });
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/explore page is not built: run `npm run build:web`/);
    }
  });

  it('serves the playground only at / and /graphql: other paths asking for HTML are not pages', async () => {
    for (const path of ['/health', '/graphql/x', '/index.html']) expect((await fetch(base + path, { headers: html })).status, path).toBe(418);
  });

  it('serves a hashed asset with its content type and a year-long immutable cache', async () => {
    const js = await fetch(`${base}/assets/playground-AbCd1234.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    const font = await fetch(`${base}/assets/codicon-Zz_9-y8x.ttf`);
    expect(font.headers.get('content-type')).toBe('font/ttf');
  });

  it('makes browsers revalidate an asset whose name has no hash', async () => {
    const css = await fetch(`${base}/assets/plain.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset with 404 naming it, in plain text', async () => {
    const response = await fetch(`${base}/assets/gone-12345678.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('no asset gone-12345678.js');
  });

  it('serves an asset of a type it does not know as bytes', async () => {
    const response = await fetch(`${base}/assets/model.bin`);
    expect([response.status, response.headers.get('content-type'), await response.text()]).toEqual([200, 'application/octet-stream', 'weights']);
  });

  it('looks up asset names of up to 100 characters and refuses longer ones with 400, naming the limit', async () => {
    const name = (length: number) => `${'a'.repeat(length - 3)}.js`;
    const longest = await fetch(`${base}/assets/${name(100)}`);
    expect([longest.status, await longest.text()]).toEqual([404, `no asset ${name(100)}`]);
    for (const length of [101, 300]) {
      const response = await fetch(`${base}/assets/${name(length)}`);
      expect([response.status, await response.text()]).toEqual([400, 'an asset is named by a plain file name of at most 100 characters under /assets/']);
    }
  });

  it('passes on a read error other than a missing file (a 500 from the server), rather than calling the asset missing', async () => {
    // A build whose assets/ is a file: reading assets/x.js fails with ENOTDIR, a fault of the server, not of the request.
    const broken = mkdtempSync(join(tmpdir(), 'kg-web-'));
    writeFileSync(join(broken, 'assets'), 'not a folder');
    const req = { method: 'GET', headers: {} } as IncomingMessage;
    await expect(serveWeb(req, {} as ServerResponse, '/assets/x.js', broken)).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('refuses asset names that climb out of assets/, however they are encoded', async () => {
    for (const name of ['..%2fsecret.txt', '%2e%2e%2fsecret.txt', '..%5csecret.txt', '.hidden', 'a%2fb.js', '%E0%A4%A']) {
      const response = await fetch(`${base}/assets/${name}`);
      expect([response.status, await response.text()], name).toEqual([400, 'an asset is named by a plain file name of at most 100 characters under /assets/']);
    }
  });
});

describe('the pages on the real server', () => {
  let server: RunningServer;
  let production: RunningServer;

  beforeAll(async () => {
    const store = embeddedStore();
    server = await startServer(store, { host: '127.0.0.1', port: 0, introspection: true, production: false }, silentLogger);
    production = await startServer(store, { host: '127.0.0.1', port: 0, introspection: false, production: true }, silentLogger);
  });

  afterAll(async () => {
    await server?.stop();
    await production?.stop();
  });

  it('serves the built playground at / with its title, a strict CSP and the security headers', async () => {
    const response = await fetch(server.url.replace('/graphql', '/'), { headers: html });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const page = await response.text();
    expect(page).toContain('<title>智能算力知识图谱 · GraphQL playground</title>');
    // Everything the page loads is on its own origin.
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = /src="(\/assets\/playground-[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(server.url.replace('/graphql', script!))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves no page and no asset in production: GET / is the JSON hint, /assets and /explore are 404', async () => {
    const root = await fetch(production.url.replace('/graphql', '/'), { headers: html });
    expect(root.headers.get('content-type')).not.toContain('text/html');
    expect(root.headers.get('content-security-policy')).toBeNull();
    expect(await root.text()).not.toMatch(/<html|graphiql/i);
    for (const path of ['/assets/anything.js', '/explore']) {
      const response = await fetch(production.url.replace('/graphql', path), { headers: html });
      expect(response.status).toBe(404);
      expect((await response.json()).errors[0].message).toContain('GraphQL is at /graphql');
    }
  });
});
