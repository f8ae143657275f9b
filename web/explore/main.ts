/** The explorer page: search, draw and expand neighbourhoods, filter, find chains, read quotes; the URL keeps the view. */
import type { ElementDefinition, EventObject } from 'cytoscape';
import { ConnectionDocument, DetailsDocument, NeighbourhoodDocument, request, SubgraphDocument } from './api';
import { combobox } from './combobox';
import { KINDS, RELATION_TYPES } from './enums';
import type { CardFragment, DrawnFragment, EdgeFragment, ExploreConnectionQuery, RelationType } from './gql/graphql';
import { createGraph, draw, grass } from './graph';
import { nodeStyle } from './grass';
import { subgraphBatches } from './batches';
import { formatView, parseView, type View } from './view';

/** Hubs (such as 人工智能) are drawn but not walked through, so a neighbourhood stays readable. */
const MAX_DEGREE = 40;
const CHAINS = 100;

interface Drawn {
  entities: Map<string, CardFragment & { degree: number }>;
  edges: Map<string, EdgeFragment>;
  chains?: ExploreConnectionQuery['connection'];
  truncated: boolean;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const cy = createGraph($('cy'));
let view: View = parseView(location.search);
let drawn: Drawn = { entities: new Map(), edges: new Map(), truncated: false };

// For the end-to-end test and the console: the cytoscape instance.
(window as unknown as { explorer: unknown }).explorer = { cy };

const nameOf = (e: Pick<CardFragment, 'name' | 'nameZh'>) => (view.lang === 'zh' ? e.nameZh : e.name);
const otherNameOf = (e: Pick<CardFragment, 'name' | 'nameZh'>) => (view.lang === 'zh' ? e.name : e.nameZh);

function swatch(kind: string): HTMLSpanElement {
  const s = nodeStyle(grass, kind);
  const span = document.createElement('span');
  span.className = 'swatch';
  span.style.backgroundColor = s.fill;
  span.style.borderColor = s.border;
  return span;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function setStatus(text: string, error = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
  status.setAttribute('role', error ? 'alert' : 'status');
}

function fail(error: unknown) {
  document.body.dataset.state = 'error';
  setStatus(error instanceof Error ? error.message : String(error), true);
}

function saveView() {
  history.replaceState(null, '', `${location.pathname}${formatView(view)}`);
}

/** The relation types fetched: every one not hidden. Kinds are a filter on what is drawn, never on what is fetched. */
function followedTypes(): RelationType[] {
  return RELATION_TYPES.filter((t) => !view.hidden.includes(t));
}

function merge(into: Drawn, part: DrawnFragment) {
  for (const m of part.members) {
    const known = into.entities.get(m.entity.id);
    into.entities.set(m.entity.id, { ...m.entity, degree: Math.max(m.degree, known?.degree ?? 0) });
  }
  for (const edge of part.edges) into.edges.set(edge.id, edge);
  into.truncated ||= part.truncated;
}

/** The relations between the `fresh` entities and everything in `into`, which one neighbourhood alone does not hold. */
async function relationsAmong(into: Drawn, fresh: string[]) {
  const batches = subgraphBatches(fresh, [...into.entities.keys()]);
  const parts = await Promise.all(batches.filter((ids) => ids.length > 1).map((ids) => request(SubgraphDocument, { ids, relationTypes: followedTypes() })));
  // Only the relations: subgraph's members carry a degree counted the same way, nothing new.
  for (const part of parts) for (const edge of part.subgraph.edges) into.edges.set(edge.id, edge);
}

async function neighbourhood(into: Drawn, id: string): Promise<string[]> {
  const data = await request(NeighbourhoodDocument, { id, depth: view.depth, limit: view.limit, maxDegree: MAX_DEGREE, relationTypes: followedTypes() });
  merge(into, data.neighborhood);
  return data.neighborhood.members.map((m) => m.entity.id);
}

function chainElements(into: Drawn, connection: ExploreConnectionQuery['connection']) {
  for (const end of [connection.from, connection.to]) if (!into.entities.has(end.id)) into.entities.set(end.id, { ...end, degree: 0 });
  for (const chain of connection.chains) {
    for (const step of chain.steps) {
      for (const e of [step.source, step.target]) if (!into.entities.has(e.id)) into.entities.set(e.id, { ...e, degree: 0 });
      const id = `${step.type}:${step.source.id}:${step.target.id}`;
      into.edges.set(id, { id, type: step.type, source: { id: step.source.id }, target: { id: step.target.id }, evidence: step.evidence, section: step.section });
    }
  }
}

function elements(from: Drawn): ElementDefinition[] {
  const onChain = new Set<string>();
  for (const chain of from.chains?.chains ?? []) for (const step of chain.steps) onChain.add(`${step.type}:${step.source.id}:${step.target.id}`);
  const anchors = new Set([...view.expanded, view.from, view.to].filter(Boolean));
  return [
    ...[...from.entities.values()].map((e) => ({ group: 'nodes' as const, data: { id: e.id, kind: e.kind, label: nameOf(e) }, classes: anchors.has(e.id) ? 'anchor' : '' })),
    ...[...from.edges.values()].map((r) => ({ group: 'edges' as const, data: { id: r.id, source: r.source.id, target: r.target.id, type: r.type }, classes: onChain.has(r.id) ? 'chain' : '' })),
  ];
}

/** Hides the nodes of hidden kinds (and their edges); relation types are already left out by the fetch. */
function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', view.hidden.includes(n.data('kind')));
    });
    cy.edges().forEach((e) => {
      e.toggleClass('filtered', e.source().hasClass('filtered') || e.target().hasClass('filtered'));
    });
  });
}

async function render(fresh: boolean, next: Drawn) {
  drawn = next;
  await draw(cy, elements(next), { fresh });
  cy.nodes().forEach((n) => void n.toggleClass('anchor', view.expanded.includes(n.id()) || n.id() === view.from || n.id() === view.to));
  applyFilters();
  cy.fit(cy.elements(':visible'), 24);
  // A handful of nodes would otherwise fill the canvas at three times their size.
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center(cy.elements(':visible'));
  }
  renderSidePanels();
  const shown = cy.nodes(':visible').length;
  setStatus(`${shown} entities and ${cy.edges(':visible').length} relations drawn${drawn.truncated ? `; some neighbours left out (at most ${view.limit} per neighbourhood)` : ''}.`);
  document.body.dataset.state = 'ready';
}

let queue: Promise<void> = Promise.resolve();
/** Runs drawing tasks one after another: two quick clicks must not each merge into the same old drawing. */
function serial(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task);
  return queue;
}

/** Draws the whole view again from the API: on load (deep links), a new centre, new chains, other relation types. */
function rebuild(): Promise<void> {
  return serial(redraw);
}

async function redraw() {
  document.body.dataset.state = 'loading';
  saveView();
  try {
    const next: Drawn = { entities: new Map(), edges: new Map(), truncated: false };
    if (view.from && view.to) {
      const data = await request(ConnectionDocument, { from: view.from, to: view.to, relationTypes: followedTypes(), first: CHAINS });
      next.chains = data.connection;
      // A name in the link becomes the id it names.
      view.from = data.connection.from.id;
      view.to = data.connection.to.id;
      chainElements(next, data.connection);
    }
    const resolved: string[] = [];
    for (const id of view.expanded) resolved.push((await neighbourhood(next, id))[0]);
    view.expanded = resolved;
    // One neighbourhood holds every relation among its nodes; two or more (or chains) may be joined by others.
    if (view.expanded.length + (next.chains ? 1 : 0) > 1) await relationsAmong(next, [...next.entities.keys()]);
    saveView();
    await render(true, next);
    const centre = next.entities.get(view.expanded[0]);
    if (centre) $<HTMLInputElement>('search').value = nameOf(centre);
    await restoreSelection();
  } catch (error) {
    fail(error);
  }
}

function expand(id: string): Promise<void> {
  return serial(() => merged(id));
}

async function merged(id: string) {
  if (view.expanded.includes(id)) return;
  document.body.dataset.state = 'loading';
  try {
    const next: Drawn = { ...drawn, entities: new Map(drawn.entities), edges: new Map(drawn.edges) };
    const ids = await neighbourhood(next, id);
    view.expanded = [...view.expanded, ids[0]];
    const fresh = ids.filter((m) => !drawn.entities.has(m));
    await relationsAmong(next, [ids[0], ...fresh]);
    saveView();
    await render(cy.nodes().empty(), next);
  } catch (error) {
    fail(error);
  }
}

async function restoreSelection() {
  const id = view.selected;
  if (!id) return;
  const element = cy.getElementById(id);
  if (element.empty()) return;
  cy.elements().unselect();
  element.select();
  if (element.isEdge()) showEdge(id);
  else await showEntity(id);
}

// --- the side panels -------------------------------------------------------------------------------------------

function renderSidePanels() {
  renderKinds();
  renderChains();
  renderDrawnList();
}

function renderKinds() {
  const counts = new Map<string, number>();
  for (const e of drawn.entities.values()) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  for (const kind of KINDS) {
    const count = $(`count-${kind}`);
    count.textContent = String(counts.get(kind) ?? 0);
  }
}

function renderChains() {
  const summary = $('chains-summary');
  const list = $('chains');
  const chains = drawn.chains;
  list.replaceChildren(...(chains?.chains ?? []).map((c) => el('li', view.lang === 'zh' ? c.lineZh : c.line)));
  list.lang = view.lang === 'zh' ? 'zh' : 'en';
  if (!chains) summary.textContent = 'Pick a “from” and a “to” entity to draw every shortest chain between them.';
  else if (!chains.chains.length) summary.textContent = 'No chain joins them within 6 steps.';
  else summary.textContent = `${chains.chains.length} shortest chain${chains.chains.length === 1 ? '' : 's'} of ${chains.length} step${chains.length === 1 ? '' : 's'}:`;
}

function renderDrawnList() {
  const list = $('drawn');
  const entities = [...drawn.entities.values()].filter((e) => !view.hidden.includes(e.kind)).sort((a, b) => nameOf(a).localeCompare(nameOf(b), view.lang));
  list.replaceChildren(
    ...entities.map((e) => {
      const li = el('li');
      const button = el('button');
      button.type = 'button';
      button.dataset.id = e.id;
      button.append(swatch(e.kind), el('span', nameOf(e)), el('span', view.expanded.includes(e.id) ? 'expanded' : e.kind, 'meta'));
      button.addEventListener('click', () => void pickNode(e.id));
      li.append(button);
      return li;
    }),
  );
}

function entityButton(e: Pick<CardFragment, 'id' | 'kind' | 'name' | 'nameZh'>): HTMLButtonElement {
  const button = el('button');
  button.type = 'button';
  button.append(swatch(e.kind), el('span', nameOf(e)));
  button.addEventListener('click', () => void pickNode(e.id));
  return button;
}

function showEdge(id: string) {
  const edge = drawn.edges.get(id);
  if (!edge) return;
  view.selected = id;
  saveView();
  const source = drawn.entities.get(edge.source.id)!;
  const target = drawn.entities.get(edge.target.id)!;
  const panel = $('details');
  const quote = el('blockquote', edge.evidence);
  quote.lang = 'zh';
  quote.id = 'evidence';
  const section = el('p', `§${edge.section.number} ${edge.section.nameZh} (${edge.section.name})`, 'note');
  section.id = 'evidence-section';
  const ends = el('ul');
  for (const [role, e] of [['source', source], ['target', target]] as const) {
    const li = el('li');
    li.append(el('span', role, 'note'), entityButton(e));
    ends.append(li);
  }
  const title = el('h2', `${edge.type}`);
  title.id = 'edge-type';
  panel.replaceChildren(title, el('p', `${nameOf(source)} —${edge.type}→ ${nameOf(target)}`), el('h3', 'What the whitepaper says', 'note'), quote, section, ends);
}

async function showEntity(id: string) {
  view.selected = id;
  saveView();
  const panel = $('details');
  const data = await request(DetailsDocument, { id });
  const e = data.entity;
  if (!e || view.selected !== id) return;
  const heading = el('h2', nameOf(e));
  heading.id = 'entity-name';
  heading.lang = view.lang;
  const facts = el('dl');
  facts.id = 'entity-facts';
  const add = (term: string, value: string, lang?: string) => {
    const dd = el('dd', value);
    if (lang) dd.lang = lang;
    facts.append(el('dt', term), dd);
  };
  add('中文', e.nameZh, 'zh');
  add('English', e.name, 'en');
  add('Kind', e.kind);
  if (e.aliases.length) add('Aliases', e.aliases.join(', '));
  const drawnEdges = [...drawn.edges.values()].filter((r) => r.source.id === id || r.target.id === id);
  add('Relations', `${e.relationCount} (${drawnEdges.length} drawn)`);
  const description = el('p', view.lang === 'zh' ? e.descriptionZh : e.description);
  description.lang = view.lang;
  description.id = 'entity-description';
  const actions = el('div', undefined, 'actions');
  const action = (label: string, run: () => void) => {
    const button = el('button', label);
    button.type = 'button';
    button.addEventListener('click', run);
    actions.append(button);
  };
  if (!view.expanded.includes(id)) action('Expand', () => void expand(id));
  action('Chains from here', () => setEnd('from', e));
  action('Chains to here', () => setEnd('to', e));
  const parts: HTMLElement[] = [heading, el('p', `${e.kind} · ${otherNameOf(e)}`, 'note'), description, facts, actions];
  if (e.metrics.length) {
    const table = el('table');
    table.id = 'metrics';
    table.append(el('caption', 'Metrics', 'note'));
    const head = el('tr');
    for (const h of ['Indicator', 'Value', 'Year', 'Region']) head.append(el('th', h));
    table.append(head);
    for (const m of e.metrics) {
      const row = el('tr');
      for (const cell of [m.indicator, `${m.qualifier ? `${m.qualifier.toLowerCase().replaceAll('_', ' ')} ` : ''}${m.value} ${view.lang === 'zh' ? m.unitZh : m.unit}`, m.year ?? '', m.region ?? '']) row.append(el('td', String(cell)));
      table.append(row);
    }
    parts.push(table);
  }
  if (drawnEdges.length) {
    parts.push(el('h3', 'Drawn relations', 'note'));
    const list = el('ul');
    for (const r of drawnEdges) {
      const other = drawn.entities.get(r.source.id === id ? r.target.id : r.source.id)!;
      const button = el('button', `${r.source.id === id ? '→' : '←'} ${r.type} ${nameOf(other)}`);
      button.type = 'button';
      button.addEventListener('click', () => selectEdge(r.id));
      const li = el('li');
      li.append(button);
      list.append(li);
    }
    parts.push(list);
  }
  panel.replaceChildren(...parts);
}

function selectEdge(id: string) {
  cy.elements().unselect();
  cy.getElementById(id).select();
  showEdge(id);
}

/** A node clicked, or Enter on it in a list: its details, and its neighbourhood merged in. */
async function pickNode(id: string) {
  cy.elements().unselect();
  cy.getElementById(id).select();
  try {
    // Details after the expansion, so they count the relations now drawn.
    await expand(id);
    await showEntity(id);
  } catch (error) {
    fail(error);
  }
}

function setEnd(end: 'from' | 'to', entity: CardFragment) {
  view[end] = entity.id;
  $<HTMLInputElement>(end).value = nameOf(entity);
  if (view.from && view.to) {
    view.expanded = [];
    view.selected = undefined;
    void rebuild();
  } else saveView();
}

// --- controls --------------------------------------------------------------------------------------------------

/** A labelled checkbox, ticked while `value` is not hidden; `changed` runs after the hidden list changes. */
function check(value: string, extra: HTMLElement[], changed: () => void): HTMLLabelElement {
  const label = el('label');
  const box = el('input');
  box.type = 'checkbox';
  box.value = value;
  box.id = `${RELATION_TYPES.includes(value as RelationType) ? 'type' : 'kind'}-${value}`;
  box.checked = !view.hidden.includes(value);
  box.addEventListener('change', () => {
    view.hidden = box.checked ? view.hidden.filter((h) => h !== value) : [...view.hidden, value];
    changed();
  });
  label.append(box, ...extra);
  return label;
}

function buildChecks() {
  for (const kind of KINDS) {
    const count = el('span', '0', 'count');
    count.id = `count-${kind}`;
    $('kinds').append(
      check(kind, [swatch(kind), el('span', kind), count], () => {
        saveView();
        applyFilters();
        renderDrawnList();
        setStatus(`${cy.nodes(':visible').length} entities and ${cy.edges(':visible').length} relations shown.`);
      }),
    );
  }
  // The types followed change what the API walks, so the view is fetched again.
  for (const type of RELATION_TYPES) $('types').append(check(type, [el('span', type)], () => void rebuild()));
}

function setLanguage(lang: View['lang']) {
  view.lang = lang;
  document.documentElement.dataset.lang = lang;
  cy.batch(() => {
    for (const e of drawn.entities.values()) cy.getElementById(e.id).data('label', nameOf(e));
  });
  saveView();
  renderSidePanels();
  for (const end of ['from', 'to'] as const) {
    const id = view[end];
    const entity = id ? drawn.entities.get(id) : undefined;
    if (entity) $<HTMLInputElement>(end).value = nameOf(entity);
  }
  if (view.selected && cy.getElementById(view.selected).nonempty()) void restoreSelection().catch(fail);
}

function describe(entity: CardFragment) {
  const s = nodeStyle(grass, entity.kind);
  return { text: nameOf(entity), other: otherNameOf(entity), fill: s.fill, border: s.border };
}

function start() {
  buildChecks();
  $<HTMLInputElement>(`lang-${view.lang}`).checked = true;
  document.documentElement.dataset.lang = view.lang;
  $<HTMLSelectElement>('depth').value = String(view.depth);
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="lang"]')) radio.addEventListener('change', () => setLanguage(radio.value === 'en' ? 'en' : 'zh'));
  $<HTMLSelectElement>('depth').addEventListener('change', (event) => {
    view.depth = Number((event.target as HTMLSelectElement).value);
    void rebuild();
  });
  combobox($('search'), $('search-results'), {
    describe,
    onError: fail,
    pick: (entity) => {
      view = { ...view, expanded: [entity.id], from: undefined, to: undefined, selected: entity.id };
      $<HTMLInputElement>('from').value = '';
      $<HTMLInputElement>('to').value = '';
      void rebuild();
    },
  });
  combobox($('from'), $('from-results'), { describe, onError: fail, pick: (entity) => setEnd('from', entity) });
  combobox($('to'), $('to-results'), { describe, onError: fail, pick: (entity) => setEnd('to', entity) });
  $('clear-path').addEventListener('click', () => {
    view.from = view.to = undefined;
    $<HTMLInputElement>('from').value = '';
    $<HTMLInputElement>('to').value = '';
    void rebuild();
  });
  cy.on('tap', 'node', (event: EventObject) => void pickNode(event.target.id()));
  cy.on('tap', 'edge', (event: EventObject) => selectEdge(event.target.id()));

  renderSidePanels();
  if (view.expanded.length || (view.from && view.to)) {
    void rebuild().then(() => {
      for (const end of ['from', 'to'] as const) {
        const entity = view[end] ? drawn.entities.get(view[end]!) : undefined;
        if (entity) $<HTMLInputElement>(end).value = nameOf(entity);
      }
    });
  } else document.body.dataset.state = 'ready';
}

start();
