/**
 * Neo4j Browser, served by the suite's real Neo4j (tests/global-setup.ts), driven in headless Chromium: it connects
 * as neo4j, loads browser/style.grass with `:style`, runs two of the guide's graph queries (browser/queries.cypher),
 * and checks what it draws against the database: as many nodes as the query returns, each filled with its kind's
 * colour from style.grass and captioned with its name, and Chinese properties shown. Screenshots go to a temporary
 * folder, or to docs/screenshots/neo4j-browser-*.png with UPDATE_SCREENSHOTS=1 (the README shows those). Browser also tries to reach the internet (guides, telemetry); that fails
 * quietly here and is not part of the test.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver, type Node } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, browserMissing } from './browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// A test run must not rewrite tracked files: the README's screenshots change only when asked for.
const shots = process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'kg-screenshots-'));
const neo4jUri = process.env.NEO4J_URI;

/** Browser's HTTP port: NEO4J_HTTP_PORT, else the one scripts/neo4j.sh wrote into $NEO4J_LOCAL_DIR/conf/neo4j.conf. */
function httpPort(): number | undefined {
  if (process.env.NEO4J_HTTP_PORT) return Number(process.env.NEO4J_HTTP_PORT);
  const conf = process.env.NEO4J_LOCAL_DIR && join(process.env.NEO4J_LOCAL_DIR, 'conf', 'neo4j.conf');
  if (!conf || !existsSync(conf)) return undefined;
  const port = /^server\.http\.listen_address=[^:\n]*:(\d+)$/m.exec(readFileSync(conf, 'utf8'))?.[1];
  return port ? Number(port) : undefined;
}

const port = httpPort();
const why = !neo4jUri
  ? 'no Neo4j (needs java and mvn on PATH, or NEO4J_URI)'
  : (browserMissing() ??
    (!port ? "Neo4j Browser's HTTP port is unknown (set NEO4J_HTTP_PORT, or NEO4J_LOCAL_DIR of a server scripts/neo4j.sh started)" : undefined));
if (why) console.warn(`neo4j-browser: the Neo4j Browser tests did NOT run (${why})`);

/** The guide's queries, as tests/cypher.test.ts reads them. */
const guide = readFileSync(join(root, 'browser', 'queries.cypher'), 'utf8')
  .split(/;\s*\n/)
  .map((q) => q.replace(/^\/\/.*$/gm, '').trim())
  .filter(Boolean);
const grass = readFileSync(join(root, 'browser', 'style.grass'), 'utf8');

/** Fill and stroke per kind label, from style.grass. */
const kindColours = new Map(
  [...grass.matchAll(/^node\.(\w+)\s*\{[^}]*?\bcolor:\s*(#[0-9A-Fa-f]{6});[^}]*?border-color:\s*(#[0-9A-Fa-f]{6});/gm)].map((m) => [m[1], { fill: m[2].toUpperCase(), stroke: m[3].toUpperCase() }]),
);

interface Drawn {
  id: string;
  fill: string;
  stroke: string;
  caption: string;
}

describe.runIf(!why)('Neo4j Browser with the project style and guide', () => {
  let browser: Browser;
  let page: Page;
  let driver: Driver;

  /** Puts text into Browser's (Monaco) editor as a paste, as a user would: typed text gets Monaco's auto-closed brackets. */
  async function paste(text: string) {
    const editor = page.locator('#monaco-main-editor');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await editor.locator('textarea').evaluate((area, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Runs a command or query from the editor and returns its frame (new frames are added on top). */
  async function run(text: string) {
    await paste(text);
    await page.getByTestId('editor-Run').click();
    const frame = page.getByTestId('frame').first();
    await expect.poll(async () => (await frame.getByTestId('frameCommand').textContent())?.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
    return frame;
  }

  /** The nodes a query returns, straight from the database: Browser should draw exactly these. */
  async function nodesOf(query: string): Promise<Map<string, Node>> {
    const { records } = await driver.executeQuery(query, {}, { routing: neo4j.routing.READ });
    const nodes = new Map<string, Node>();
    const visit = (value: unknown): void => {
      if (neo4j.isNode(value as Node)) nodes.set((value as Node).identity.toString(), value as Node);
      else if (neo4j.isPath(value as never)) (value as { segments: { start: Node; end: Node }[]; start: Node }).segments.forEach((s) => (visit(s.start), visit(s.end)));
      else if (Array.isArray(value)) value.forEach(visit);
    };
    for (const r of records) r.forEach(visit);
    return nodes;
  }

  async function drawnNodes(frame: ReturnType<Page['getByTestId']>): Promise<Drawn[]> {
    return frame.locator('svg g.node').evaluateAll((gs) =>
      gs.map((g) => {
        const circle = g.querySelector('circle.b-outline')!;
        return {
          id: (g.getAttribute('aria-label') ?? '').replace(/^graph-node/, ''),
          fill: (circle.getAttribute('fill') ?? '').toUpperCase(),
          stroke: (circle.getAttribute('stroke') ?? '').toUpperCase(),
          caption: [...g.querySelectorAll('text.caption')].map((t) => t.textContent?.trim()).join(' '),
        };
      }),
    );
  }

  /** Every drawn node is one the query returns, filled and outlined in its kind's colours, captioned with its name. */
  function checkDrawn(drawn: Drawn[], expected: Map<string, Node>) {
    expect(drawn.map((d) => d.id).sort()).toEqual([...expected.keys()].sort());
    for (const d of drawn) {
      const node = expected.get(d.id)!;
      const kind = node.labels.find((l) => l !== 'Entity')!;
      expect({ id: node.properties.id, kind, fill: d.fill, stroke: d.stroke }).toEqual({ id: node.properties.id, kind, ...kindColours.get(kind) });
      // Long names are cut to fit the circle ("Energy consump…"): the caption is the start of the name.
      const shown = d.caption.replace(/…$/, '');
      expect(shown.length).toBeGreaterThan(0);
      expect(String(node.properties.name).replace(/\s+/g, ' ').startsWith(shown) || String(node.properties.name).replace(/\s+/g, '').startsWith(shown.replace(/\s+/g, ''))).toBe(true);
    }
  }

  async function showGraph(query: string) {
    const expected = await nodesOf(query);
    const frame = await run(query);
    await expect.poll(() => frame.locator('svg g.node').count(), { timeout: 20_000 }).toBe(expected.size);
    await expect(frame.getByText(`Displaying ${expected.size} nodes`).textContent()).resolves.toContain(`${expected.size} nodes`);
    await page.waitForTimeout(1500); // let the force layout settle before the picture
    return { frame, expected };
  }

  /** Hovers a node: Browser's side panel shows its properties (Chinese ones included) without the click's ring menu. */
  async function inspect(frame: ReturnType<Page['getByTestId']>, expected: Map<string, Node>, id: string) {
    const [identity] = [...expected].find(([, n]) => n.properties.id === id)!;
    await frame.locator(`svg g.node[aria-label="graph-node${identity}"] circle.b-outline`).hover();
    await expect.poll(() => frame.innerText()).toContain('Node properties');
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    driver = neo4j.driver(neo4jUri!, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await driver?.close();
  });

  it('connects to the Bolt port as neo4j', async () => {
    const bolt = new URL(neo4jUri!).port;
    await page.goto(`http://127.0.0.1:${port}/browser/`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('boltaddress').waitFor({ timeout: 30_000 });
    await page.getByTestId('bolt-scheme-select').selectOption('bolt://');
    await page.getByTestId('boltaddress').fill(`127.0.0.1:${bolt}`);
    await page.getByTestId('username').fill(process.env.NEO4J_USER ?? 'neo4j');
    await page.getByTestId('password').fill(process.env.NEO4J_PASSWORD ?? '');
    await page.getByTestId('connect').click();
    await page.getByText('You are connected as user').waitFor({ timeout: 30_000 });
  }, 60_000);

  it('takes browser/style.grass with :style', async () => {
    const frame = await run(`:style ${grass}`);
    await expect(frame.textContent()).resolves.toContain('node.Technology');
    // Browser keeps the style in localStorage (saved a moment after the command).
    const read = () => page.evaluate(() => JSON.parse(localStorage.getItem('neo4j.grass') ?? 'null'));
    await expect.poll(async () => (await read())?.['node.Technology']?.color).toBe('#4C8EDA');
    const stored = await read();
    expect(kindColours.size).toBeGreaterThanOrEqual(20);
    for (const [kind, { fill, stroke }] of kindColours) {
      expect(stored[`node.${kind}`]).toMatchObject({ color: fill, 'border-color': stroke });
    }
    expect(stored['node.Metric'].caption).toBe('{value} {unit}');
    expect(stored['relationship.ADDRESSES']).toMatchObject({ color: '#23B3D7', 'shaft-width': '3px' });
  });

  it("draws guide query 2, the metaverse's technologies and industries, in the style's colours", async () => {
    const query = guide.find((q) => q.includes("Application {id: 'metaverse'}"))!;
    expect(query).toBeDefined();
    const { frame, expected } = await showGraph(query);
    expect(expected.size).toBeGreaterThan(3);
    checkDrawn(await drawnNodes(frame), expected);
    const metaverse = (await drawnNodes(frame)).find((d) => expected.get(d.id)!.properties.id === 'metaverse')!;
    expect(metaverse).toMatchObject({ fill: '#F16667', caption: 'Metaverse' });
    await inspect(frame, expected, 'metaverse');
    await expect.poll(() => frame.innerText()).toContain('元宇宙');
    await frame.screenshot({ path: join(shots, 'neo4j-browser-metaverse.png') });
  }, 60_000);

  it('draws guide query 3, the shortest path from liquid cooling (液冷技术) to the metaverse', async () => {
    const query = guide.find((q) => q.includes('SHORTEST') && q.includes("'liquid-cooling'"))!;
    expect(query).toBeDefined();
    const { frame, expected } = await showGraph(query);
    expect(expected.size).toBeGreaterThanOrEqual(3);
    const drawn = await drawnNodes(frame);
    checkDrawn(drawn, expected);
    expect(drawn.find((d) => expected.get(d.id)!.properties.id === 'liquid-cooling')).toMatchObject({ fill: '#4C8EDA', stroke: '#2870C2', caption: 'Liquid cooling' });
    // The path's relationships are drawn too; ADDRESSES in its own colour.
    expect(await frame.locator('svg g.relationship').count()).toBeGreaterThanOrEqual(expected.size - 1);
    const addresses = await frame.locator('svg g.relationship', { hasText: 'ADDRESSES' }).locator('path.b-outline').first().getAttribute('fill').catch(() => null);
    if (addresses !== null) expect(addresses.toUpperCase()).toBe('#23B3D7');
    await inspect(frame, expected, 'liquid-cooling');
    await expect.poll(() => frame.innerText()).toContain('液冷');
    await frame.screenshot({ path: join(shots, 'neo4j-browser-shortest-path.png') });
  }, 60_000);
});

