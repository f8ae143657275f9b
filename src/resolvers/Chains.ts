/** How two entities are connected, for people: chains of steps with their quotes and lines ready to print. */
import type { ChainResolvers, ChainStepResolvers, ChainsResolvers } from '../__generated__/resolvers-types.js';
import type { EntityRecord, Subgraph } from '../graph/types.js';
import { sectionId } from '../graph/vocabulary.js';
import { relationEnd } from '../context.js';
import type { ChainStepRecord } from '../models.js';

type Name = (e: EntityRecord) => string;
const zh: Name = (e) => e.nameZh;
const en: Name = (e) => e.name;

/** " —TYPE→ next" when the chain walks the relation its own way, " ←TYPE— next" against it. */
function hop(step: ChainStepRecord, name: Name): string {
  const forward = step.relation.source === step.from.id;
  return forward ? ` —${step.relation.type}→ ${name(step.to)}` : ` ←${step.relation.type}— ${name(step.to)}`;
}

function stepsOf(path: Subgraph): ChainStepRecord[] {
  return path.edges.map((relation, i) => ({ relation, from: path.nodes[i], to: path.nodes[i + 1] }));
}

function chainLine(path: Subgraph, name: Name): string {
  return name(path.nodes[0]) + stepsOf(path).map((step) => hop(step, name)).join('');
}

const source = (s: ChainStepRecord) => (s.relation.source === s.from.id ? s.from : s.to);
const target = (s: ChainStepRecord) => (s.relation.source === s.from.id ? s.to : s.from);

export const Chains: ChainsResolvers = {
  length: (c) => c.paths[0]?.edges.length ?? null,
  chains: (c) => c.paths,
};

export const Chain: ChainResolvers = {
  lineZh: (path) => chainLine(path, zh),
  line: (path) => chainLine(path, en),
  steps: (path) => stepsOf(path),
};

export const ChainStep: ChainStepResolvers = {
  type: (s) => s.relation.type,
  source: (s) => source(s),
  target: (s) => target(s),
  forward: (s) => s.relation.source === s.from.id,
  section: (s, _args, ctx) => relationEnd(ctx, sectionId(s.relation.section)),
  evidence: (s) => s.relation.evidence,
  lineZh: (s) => `${zh(source(s))} —${s.relation.type}→ ${zh(target(s))}`,
  line: (s) => `${en(source(s))} —${s.relation.type}→ ${en(target(s))}`,
};
