/**
 * The explorer page (/explore) in headless Chromium against the real server in this process: search, pick, expand,
 * quotes, chains, filters, language, deep links and the keyboard, each checked against what the API answers. Every
 * request to a host other than 127.0.0.1 is blocked and counted (none is expected), and so is every console error.
 * The pages are built by the suite's setup (tests/web-setup.ts) and served where introspection is on.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import { browserMissing, openBrowser, type OfflineBrowser, type OfflinePage } from './browser.js';
import { embeddedStore, silentLogger } from './helpers.js';

const why = browserMissing();
if (why) console.warn(`explore: the explorer's browser tests did NOT run (${why})`);

describe.runIf(!why)('the explorer at /explore', () => {
  let server: RunningServer;
  let origin: string;
  let browser: OfflineBrowser;
  let page: Page;
  let opened: OfflinePage[] = [];

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  async function open(path: string): Promise<Page> {
    const offline = await browser.page();
    opened.push(offline);
    await offline.page.goto(`${origin}${path}`);
    await ready(offline.page);
    return offline.page;
  }

  async function ready(p: Page) {
    await p.waitForFunction(() => document.body.dataset.state === 'ready' || document.body.dataset.state === 'error');
    expect(await p.evaluate(() => document.body.dataset.state)).toBe('ready');
  }

  /** Ids of the nodes drawn and shown, sorted. */
  const shownNodes = (p: Page) => p.evaluate(() => (window as any).explorer.cy.nodes(':visible').map((n: any) => n.id()).sort() as string[]);

  /** Clicks a drawn element on the canvas where it is drawn: a node at its centre, an edge at its midpoint. */
  async function clickElement(p: Page, id: string) {
    const point = await p.evaluate((elementId) => {
      const cy = (window as any).explorer.cy;
      const element = cy.getElementById(elementId);
      const at = element.isNode() ? element.renderedPosition() : element.renderedMidpoint();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + at.x, y: box.top + at.y };
    }, id);
    await p.mouse.click(point.x, point.y);
  }

  async function pickFromSearch(p: Page, input: string, text: string, id: string) {
    await p.locator(input).fill(text);
    const option = p.locator(`${input}-results [role=option]`).first();
    await expect.poll(() => option.getAttribute('data-id')).toBe(id);
    await p.locator(input).press('ArrowDown');
    await p.locator(input).press('Enter');
  }

  beforeAll(async () => {
    // The pages are served only where introspection is on (src/web.ts).
    server = await startServer(embeddedStore(), { host: '127.0.0.1', port: 0, introspection: true, production: false }, silentLogger);
    origin = new URL(server.url).origin;
    browser = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    for (const { page: p } of opened) await p.context().close();
    expect(opened.flatMap((o) => o.blocked), 'requests to other hosts').toEqual([]);
    expect(opened.flatMap((o) => o.consoleErrors), 'console errors').toEqual([]);
    opened = [];
  });

  it('finds 液冷 when "liquid cooling" is typed, and picking it draws its neighbourhood as the API gives it', async () => {
    page = await open('/explore');
    await page.locator('#search').fill('liquid cooling');
    const first = page.locator('#search-results [role=option]').first();
    await expect.poll(() => first.getAttribute('data-id')).toBe('liquid-cooling');
    expect(await first.textContent()).toContain('液冷技术');
    await first.click();
    await ready(page);
    const { neighborhood } = await api<{ neighborhood: { nodes: { id: string }[] } }>('{ neighborhood(id: "liquid-cooling", limit: 80, maxDegree: 40) { nodes { id } } }');
    expect(await shownNodes(page)).toEqual(neighborhood.nodes.map((n) => n.id).sort());
    expect(new URL(page.url()).search).toBe('?e=liquid-cooling&sel=liquid-cooling');
    await expect.poll(() => page.locator('#entity-name').textContent()).toBe('液冷技术');
  });

  it('selects a hit from the keyboard: typing, an arrow, then Enter', async () => {
    page = await open('/explore');
    await page.locator('#search').focus();
    await page.keyboard.type('液冷');
    await expect.poll(() => page.locator('#search-results [role=option]').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search').getAttribute('aria-activedescendant')).toBe('search-results-0');
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('#search-results-1').getAttribute('data-id');
    await page.keyboard.press('Enter');
    await ready(page);
    expect(new URL(page.url()).searchParams.get('e')).toBe(second);
    expect(await shownNodes(page)).toContain(second);
  });

  it('expands a node that is clicked: its neighbours join the drawing', async () => {
    page = await open('/explore?e=energy-consumption');
    const before = await shownNodes(page);
    await clickElement(page, 'computing-power-demand');
    await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBe('energy-consumption,computing-power-demand');
    await ready(page);
    const { neighborhood } = await api<{ neighborhood: { nodes: { id: string }[] } }>('{ neighborhood(id: "computing-power-demand", limit: 80, maxDegree: 40) { nodes { id } } }');
    const after = await shownNodes(page);
    expect(after).toEqual([...new Set([...before, ...neighborhood.nodes.map((n) => n.id)])].sort());
    expect(after.length).toBeGreaterThan(before.length);
    // Every relation among what is drawn, with the two that join the neighbourhoods (algorithm complexity and data growth AFFECTS intelligent computing power).
    const { subgraph } = await api<{ subgraph: { edges: { id: string }[] } }>('query($ids: [ID!]!) { subgraph(ids: $ids) { edges { id } } }', { ids: after });
    const edges = await page.evaluate(() => (window as any).explorer.cy.edges().map((e: any) => e.id()).sort() as string[]);
    expect(edges).toEqual(subgraph.edges.map((e) => e.id).sort());
  });

  it('shows the quote and section of an edge that is clicked, word for word as the API gives them', async () => {
    page = await open('/explore?e=liquid-cooling');
    // An edge whose midpoint is clear of every node, so the click lands on the edge.
    const id = await page.evaluate(() => {
      const cy = (window as any).explorer.cy;
      const clear = cy.edges().filter((e: any) => cy.nodes().every((n: any) => Math.hypot(n.renderedPosition().x - e.renderedMidpoint().x, n.renderedPosition().y - e.renderedMidpoint().y) > 30));
      return clear[0].id() as string;
    });
    await clickElement(page, id);
    await expect.poll(() => page.locator('#edge-type').textContent()).toBe(id.split(':')[0]);
    const { node } = await api<{ node: { evidence: string; section: { number: string; nameZh: string } } }>('query($id: ID!) { node(id: $id) { ... on Relation { evidence section { number nameZh } } } }', { id });
    expect(await page.locator('#evidence').textContent()).toBe(node.evidence);
    expect(await page.locator('#evidence-section').textContent()).toContain(`§${node.section.number} ${node.section.nameZh}`);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(id);
  });

  it('draws every shortest chain from 大模型 to 液冷 and lists the lines the API prints', async () => {
    page = await open('/explore');
    await pickFromSearch(page, '#from', '大模型', 'large-models');
    await pickFromSearch(page, '#to', '液冷', 'liquid-cooling');
    await ready(page);
    await expect.poll(() => page.locator('#chains li').count()).toBeGreaterThan(0);
    const { connection } = await api<{ connection: { length: number; chains: { lineZh: string; line: string; steps: { source: { id: string }; target: { id: string } }[] }[] } }>(
      '{ connection(from: "大模型", to: "液冷", first: 100) { length chains { lineZh line steps { source { id } target { id } } } } }',
    );
    expect(connection.chains).toHaveLength(10);
    expect(await page.locator('#chains li').allTextContents()).toEqual(connection.chains.map((c) => c.lineZh));
    expect(await page.locator('#chains-summary').textContent()).toBe(`10 shortest chains of ${connection.length} steps:`);
    const onChains = new Set(connection.chains.flatMap((c) => c.steps.flatMap((s) => [s.source.id, s.target.id])));
    expect(await shownNodes(page)).toEqual([...onChains].sort());
    await page.locator('#lang-en').check();
    expect(await page.locator('#chains li').first().textContent()).toBe(connection.chains[0].line);

    const link = new URL(page.url());
    expect(link.search).toBe('?from=large-models&to=liquid-cooling&lang=en');
    const restored = await open(link.pathname + link.search);
    expect(await restored.locator('#chains li').allTextContents()).toEqual(connection.chains.map((c) => c.line));
    expect([await restored.locator('#from').inputValue(), await restored.locator('#to').inputValue()]).toEqual(['Large AI models', 'Liquid cooling']);
  });

  it('hides the nodes of a kind whose box is unticked, and shows them again', async () => {
    page = await open('/explore?e=liquid-cooling');
    const kinds = await page.evaluate(() => (window as any).explorer.cy.nodes().map((n: any) => n.data('kind')) as string[]);
    const technologies = kinds.filter((k) => k === 'Technology').length;
    expect(technologies).toBeGreaterThan(1);
    await page.locator('#kind-Technology').uncheck();
    const shown = await page.evaluate(() => (window as any).explorer.cy.nodes(':visible').map((n: any) => n.data('kind')) as string[]);
    expect(shown).not.toContain('Technology');
    expect(shown).toHaveLength(kinds.length - technologies);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('MENTIONED_IN,Technology');
    await page.locator('#kind-Technology').check();
    expect(await shownNodes(page)).toHaveLength(kinds.length);
  });

  it('shows a node’s names, kind, description, relation count and metrics as the API gives them', async () => {
    page = await open('/explore?e=finance&sel=finance');
    await expect.poll(() => page.locator('#entity-name').textContent()).toBe('金融行业');
    const { entity } = await api<{ entity: { descriptionZh: string; aliases: string[]; relationCount: number } }>('{ entity(id: "finance") { descriptionZh aliases relationCount } }');
    expect(await page.locator('#entity-description').textContent()).toBe(entity.descriptionZh);
    const drawnEdges = await page.evaluate(() => (window as any).explorer.cy.getElementById('finance').connectedEdges().length as number);
    expect(await page.locator('#entity-facts dd').allTextContents()).toEqual(['金融行业', 'Financial industry', 'Industry', entity.aliases.join(', '), `${entity.relationCount} (${drawnEdges} drawn)`]);
    expect(await page.locator('#metrics tr').allTextContents()).toEqual(['IndicatorValueYearRegion', 'ai-penetration55 分2021China', 'ai-penetration62 分2022China']);
  });

  it('fetches the view again without a relation type whose box is unticked', async () => {
    page = await open('/explore?e=liquid-cooling');
    await page.locator('#type-IS_A').uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBe('MENTIONED_IN,IS_A');
    await ready(page);
    const types = 'USES ENABLES APPLIED_IN AFFECTS ADDRESSES CAUSES DRIVES REQUIRES PROPOSES DEVELOPED_BY RUNS_ON MEASURES SOURCED_FROM PART_OF INTEGRATES_WITH LOCATED_IN INVESTS_IN PUBLISHED_BY ILLUSTRATES CONCERNS';
    const { neighborhood } = await api<{ neighborhood: { nodes: { id: string }[] } }>(`{ neighborhood(id: "liquid-cooling", limit: 80, maxDegree: 40, relationTypes: [${types.replaceAll(' ', ', ')}]) { nodes { id } } }`);
    expect(await shownNodes(page)).toEqual(neighborhood.nodes.map((n) => n.id).sort());
    expect(await shownNodes(page)).not.toContain('spray-liquid-cooling');
  });

  it('changes every label when English is chosen', async () => {
    page = await open('/explore?e=liquid-cooling');
    const label = () => page.evaluate(() => (window as any).explorer.cy.getElementById('liquid-cooling').data('label') as string);
    expect(await label()).toBe('液冷技术');
    await page.locator('#lang-en').check();
    expect(await label()).toBe('Liquid cooling');
    expect(await page.locator('#drawn button[data-id="liquid-cooling"]').textContent()).toContain('Liquid cooling');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  });

  it('restores a view from its link: entities expanded, filters, language and the open quote', async () => {
    page = await open('/explore?e=liquid-cooling');
    await clickElement(page, 'energy-consumption');
    await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBe('liquid-cooling,energy-consumption');
    await ready(page);
    await page.locator('#kind-Metric').uncheck();
    await page.locator('#lang-en').check();
    const edge = 'ADDRESSES:liquid-cooling:energy-consumption';
    await page.locator('#drawn button[data-id="liquid-cooling"]').press('Enter');
    await page.locator('#details button', { hasText: `${edge.split(':')[0]} Energy consumption` }).first().click();
    await expect.poll(() => page.locator('#evidence').count()).toBe(1);
    const link = page.url();
    const shown = await shownNodes(page);
    const quote = await page.locator('#evidence').textContent();

    page = await open(new URL(link).pathname + new URL(link).search);
    expect(await shownNodes(page)).toEqual(shown);
    expect(await page.locator('#kind-Metric').isChecked()).toBe(false);
    expect(await page.locator('#lang-en').isChecked()).toBe(true);
    await expect.poll(() => page.locator('#evidence').textContent()).toBe(quote);
  });

  it('says which entities are closest when a link names none, as an alert', async () => {
    const offline = await browser.page();
    opened.push(offline);
    page = offline.page;
    await page.goto(`${origin}/explore?e=liquid%20coolin`);
    await page.waitForFunction(() => document.body.dataset.state === 'error');
    expect(await page.locator('#status[role=alert]').textContent()).toBe('no entity has the id, name or alias "liquid coolin" (argument id); closest: liquid-cooling (液冷技术), spray-liquid-cooling (喷淋), immersion-liquid-cooling (浸没)');
  });

  it('draws a 200-node neighbourhood, and reports how long it took from data arrival to layout done', async () => {
    page = await open('/explore?e=intelligent-computing-power&depth=2&limit=200');
    const drawn = await page.evaluate(() => ({ nodes: (window as any).explorer.cy.nodes().length as number, edges: (window as any).explorer.cy.edges().length as number }));
    const { neighborhood } = await api<{ neighborhood: { nodes: unknown[]; edges: unknown[] } }>('{ neighborhood(id: "intelligent-computing-power", depth: 2, limit: 200, maxDegree: 40) { nodes { id } edges { id } } }');
    expect(drawn).toEqual({ nodes: 200, edges: neighborhood.edges.length });
    const ms = await page.evaluate(() => performance.getEntriesByName('explore:render').at(-1)!.duration);
    // A report, not a timed assertion: the number depends on the machine and its load.
    console.log(`explore: first render of ${drawn.nodes} nodes and ${drawn.edges} relations, data arrival to layout done: ${Math.round(ms)} ms`);
  });
});
