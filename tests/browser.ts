/**
 * Headless Chromium for the page tests, offline: Debian's /usr/bin/chromium driven by playwright-core, with every
 * request to a host other than 127.0.0.1 aborted and recorded, so a test can assert the page tried none.
 *
 *   const why = browserMissing();              // describe.skipIf(why) …, or a reason to print
 *   const browser = await openBrowser();       // once per file
 *   const { page, blocked, consoleErrors } = await browser.page();   // 1280×800 by default
 *   await page.goto(url); …; expect(blocked).toEqual([]); expect(consoleErrors).toEqual([]);
 *   await browser.close();
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no ${CHROMIUM} (apt-get install -y chromium fonts-wqy-zenhei; .ci/run does)`;
}

export interface OfflinePage {
  page: Page;
  /** URLs the page asked for on any other host; each was aborted. */
  blocked: string[];
  /** console.error messages and uncaught exceptions, in order. */
  consoleErrors: string[];
}

export interface OfflineBrowser {
  /** A fresh context (no storage from other pages) and a page in it. */
  page(viewport?: { width: number; height: number }): Promise<OfflinePage>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<OfflineBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    async page(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport });
      const blocked: string[] = [];
      const consoleErrors: string[] = [];
      // data: and blob: URLs have no host and never leave the browser.
      await context.route(
        (url) => (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '127.0.0.1',
        (route) => {
          blocked.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
      return { page, blocked, consoleErrors };
    },
    close: () => browser.close(),
  };
}
