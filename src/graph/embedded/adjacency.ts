/**
 * The graph's relation ends as numbers, for walks: entities by rank (their place in id order), relations by rank
 * (their place in relation order), every entity's ends one after another in typed arrays (compressed sparse rows).
 * A 2-hop walk over Maps of string ids and relation objects took three times as long at 100,000 entities as at
 * 1,000 for the same work, each lookup a cache miss in a large heap; over these arrays it stays near flat
 * (`npm run bench -- --growth`).
 */
import type { Direction, EntityKind, RelationRecord, RelationType } from '../types.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../vocabulary.js';
import { expandedInWalk } from '../traversal.js';

/** An end's flags: the entity is the relation's source, its target (both for a relation to itself). */
const SOURCE = 1;
const TARGET = 2;

/** Stamps start over from 1 before they reach this, so that a new one never equals a stale one. */
const MAX_STAMP = 2 ** 30;

export interface Walk {
  /** Entity ranks: the centre, then each layer in id order. */
  nodes: number[];
  members: { distance: number; degree: number; expanded: boolean }[];
  /** Relation ranks, in relation order: every followed relation between two found entities. */
  edges: Int32Array;
}

export interface WalkArgs {
  depth: number;
  limit: number;
  direction: Direction;
  types: readonly RelationType[];
  kinds?: readonly EntityKind[];
  maxDegree?: number;
}

export class Adjacency {
  /** Where each entity's ends start; entity r's are [starts[r], starts[r + 1]). */
  private readonly starts: Int32Array;
  /** Per end: the entity at the relation's other end, the relation's rank, its type (index in RELATION_TYPES), SOURCE | TARGET. */
  private readonly other: Int32Array;
  private readonly relation: Int32Array;
  private readonly type: Uint8Array;
  private readonly flags: Uint8Array;
  /** Per entity: its kind (index in ENTITY_KINDS). */
  private readonly kind: Uint8Array;
  /**
   * Per entity: the stamp of the walk that found it, and of the layer that queued it (no per-walk allocation); a path
   * search stamps `found` from one end and `queued` from the other, with the hops from each end in `hops`.
   */
  private readonly found: Int32Array;
  private readonly queued: Int32Array;
  private readonly hops: [Int32Array, Int32Array];
  private stamp = 0;

  /** `kinds`: each entity's kind, by rank; `relations`: in relation order; `rankOf`: an entity id's rank. */
  constructor(kinds: readonly EntityKind[], relations: readonly RelationRecord[], rankOf: (id: string) => number) {
    const n = kinds.length;
    this.kind = Uint8Array.from(kinds, (k) => ENTITY_KINDS.indexOf(k));
    const sources = Int32Array.from(relations, (r) => rankOf(r.source));
    const targets = Int32Array.from(relations, (r) => rankOf(r.target));
    const counts = new Int32Array(n + 1);
    // Stryker disable next-line EqualityOperator: equivalent, one step past the end counts under index undefined, which nothing reads (README: Mutation testing)
    for (let i = 0; i < relations.length; i++) {
      counts[sources[i]]++;
      if (targets[i] !== sources[i]) counts[targets[i]]++;
    }
    this.starts = new Int32Array(n + 1);
    // Stryker disable next-line EqualityOperator: equivalent, a write past the typed array's end is dropped (README: Mutation testing)
    for (let i = 0; i < n; i++) this.starts[i + 1] = this.starts[i] + counts[i];
    const size = this.starts[n];
    this.other = new Int32Array(size);
    this.relation = new Int32Array(size);
    this.type = new Uint8Array(size);
    this.flags = new Uint8Array(size);
    const next = this.starts.slice(0, n);
    const typeIndex = new Map(RELATION_TYPES.map((t, i) => [t, i]));
    // Relations come in relation order, so every entity's ends are in relation order too.
    relations.forEach((r, rank) => {
      const t = typeIndex.get(r.type)!;
      const file = (at: number, other: number, flags: number) => {
        const k = next[at]++;
        this.other[k] = other;
        this.relation[k] = rank;
        this.type[k] = t;
        this.flags[k] = flags;
      };
      const [source, target] = [sources[rank], targets[rank]];
      if (source === target) file(source, source, SOURCE | TARGET);
      else {
        file(source, target, SOURCE);
        file(target, source, TARGET);
      }
    });
    this.found = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.hops = [new Int32Array(n), new Int32Array(n)];
  }

  /** Renewed before a walk, never during one (its found entities would be forgotten): a walk takes depth + 1 stamps. */
  private renewStamps(depth: number): void {
    // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: equivalent, renewing the stamps sooner or later changes no answer, only speed (README: Mutation testing)
    if (this.stamp + depth + 1 < MAX_STAMP) return;
    this.found.fill(0);
    this.queued.fill(0);
    this.stamp = 0;
  }

  /** How many of an entity's relations are of the allowed types (a relation to itself counted once). */
  private degree(node: number, allowed: Uint8Array): number {
    let degree = 0;
    for (let k = this.starts[node], end = this.starts[node + 1]; k < end; k++) degree += allowed[this.type[k]];
    return degree;
  }

  /** Types as a lookup table by type index. */
  private static allowed(types: readonly RelationType[]): Uint8Array {
    const allowed = new Uint8Array(RELATION_TYPES.length);
    for (const t of types) allowed[RELATION_TYPES.indexOf(t)] = 1;
    return allowed;
  }

  /**
   * Hops to `to` of exactly the entities on some shortest path from `from` (of at most maxDepth hops, relations of
   * `types` followed both ways), found by a BFS from both ends that stops when they meet: the same shortest-path DAG
   * a full BFS from `to` gives, since a neighbour one step closer to `to` than a node on a shortest path is on one too.
   * Empty when there is no such path.
   */
  pathDistances(from: number, to: number, types: readonly RelationType[], maxDepth: number): Map<number, number> {
    if (from === to) return new Map([[to, 0]]);
    const allowed = Adjacency.allowed(types);
    this.renewStamps(0);
    const stamp = ++this.stamp;
    // Side 0 grows from `from` and marks `found`, side 1 from `to` and marks `queued`; both with this one stamp.
    const marks = [this.found, this.queued];
    const ends = [from, to].map((end, i) => {
      marks[i][end] = stamp;
      this.hops[i][end] = 0;
      return { layers: [[end]] };
    });
    const seen = (side: number, node: number) => marks[side][node] === stamp;
    let meeting: number[] = [];
    while (meeting.length === 0) {
      if (ends[0].layers.length + ends[1].layers.length - 1 > maxDepth) return new Map();
      // Grow the side with the smaller frontier by one whole layer.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, either side grown first finds the same shortest-path nodes; the smaller is only cheaper (README: Mutation testing)
      const side = ends[0].layers.at(-1)!.length <= ends[1].layers.at(-1)!.length ? 0 : 1;
      const d = ends[side].layers.length;
      const layer: number[] = [];
      for (const node of ends[side].layers.at(-1)!) {
        for (let k = this.starts[node], end = this.starts[node + 1]; k < end; k++) {
          const next = this.other[k];
          if (!allowed[this.type[k]] || seen(side, next)) continue;
          marks[side][next] = stamp;
          this.hops[side][next] = d;
          layer.push(next);
        }
      }
      // Stryker disable next-line ConditionalExpression: equivalent, an empty side grows empty layers until the length limit gives the same empty answer (README: Mutation testing)
      if (layer.length === 0) return new Map();
      ends[side].layers.push(layer);
      // Both last layers complete: a node in both lies on a shortest path, and every shortest path crosses one.
      const other = 1 - side;
      meeting = layer.filter((node) => seen(other, node) && this.hops[other][node] === ends[other].layers.length - 1);
    }
    const length = ends[0].layers.length + ends[1].layers.length - 2;
    const onPath = new Map<number, number>();
    for (const node of meeting) onPath.set(node, this.hops[1][node]);
    // Back from the meeting nodes towards each end, keeping the nodes one layer nearer that end on a shortest path.
    for (const [side, end] of ends.entries()) {
      const toEnd = (hops: number) => (side === 0 ? length - hops : hops);
      for (let d = end.layers.length - 2; d >= 0; d--) {
        for (const node of end.layers[d]) {
          // Stryker disable next-line EqualityOperator: equivalent, an extra node kept by the walk back is a dead end in the store's path DAG (README: Mutation testing)
          for (let k = this.starts[node], stop = this.starts[node + 1]; k < stop; k++) {
            const next = this.other[k];
            // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, extra nodes kept by the walk back are dead ends in the store's path DAG (README: Mutation testing)
            if (allowed[this.type[k]] && seen(side, next) && this.hops[side][next] === d + 1 && onPath.get(next) === toEnd(d + 1)) {
              onPath.set(node, toEnd(d));
              break;
            }
          }
        }
      }
    }
    return onPath;
  }

  /**
   * The neighbourhood walk of GraphStore.neighborhood, layer by layer from `centre`: each layer's new entities in id
   * order, cut at `limit` entities in all; a node above maxDegree (other than the centre) is found but not expanded.
   * Synchronous, so the stamps are never shared by two walks.
   */
  walk(centre: number, { depth, limit, direction, types, kinds, maxDegree }: WalkArgs): Walk {
    const allowed = Adjacency.allowed(types);
    const wanted = kinds && new Uint8Array(ENTITY_KINDS.length);
    if (wanted) for (const k of kinds!) wanted[ENTITY_KINDS.indexOf(k)] = 1;
    // Which ends lead on: out of a source unless walking IN, into a target unless walking OUT.
    const leads = (direction === 'IN' ? 0 : SOURCE) | (direction === 'OUT' ? 0 : TARGET);
    this.renewStamps(depth);
    const walk = ++this.stamp;
    this.found[centre] = walk;
    const nodes = [centre];
    const distances = [0];
    let frontier = [centre];
    for (let d = 0; d < depth && frontier.length > 0 && nodes.length < limit; d++) {
      const layer = ++this.stamp;
      const next: number[] = [];
      for (const node of frontier) {
        if (!expandedInWalk(d, this.degree(node, allowed), depth, maxDegree)) continue;
        for (let k = this.starts[node], end = this.starts[node + 1]; k < end; k++) {
          const other = this.other[k];
          if (!allowed[this.type[k]] || !(this.flags[k] & leads) || this.found[other] === walk || this.queued[other] === layer) continue;
          if (wanted && !wanted[this.kind[other]]) continue;
          this.queued[other] = layer;
          next.push(other);
        }
      }
      // Ranks are id order: the layer's first entities by id are kept.
      frontier = Array.from(Int32Array.from(next).sort().subarray(0, limit - nodes.length));
      for (const node of frontier) {
        this.found[node] = walk;
        nodes.push(node);
        distances.push(d + 1);
      }
    }
    // From the found nodes' own relations, each taken at its source: the walk's cost, not the graph's.
    const edges: number[] = [];
    for (const node of nodes) {
      for (let k = this.starts[node], end = this.starts[node + 1]; k < end; k++) {
        if (this.flags[k] & SOURCE && allowed[this.type[k]] && this.found[this.other[k]] === walk) edges.push(this.relation[k]);
      }
    }
    const members = nodes.map((node, i) => {
      const degree = this.degree(node, allowed);
      return { distance: distances[i], degree, expanded: expandedInWalk(distances[i], degree, depth, maxDegree) };
    });
    return { nodes, members, edges: Int32Array.from(edges).sort() };
  }
}
