/**
 * Every Cypher statement the project sends, by name. Nothing else in the code base holds Cypher: the store and
 * the seeder can only run a name from STATEMENTS, and the test suite lints every entry with Neo4j's own front end.
 * Labels and relationship types are never parameters: statements that need one are generated per member of the
 * closed enums, so user input can never become a label or a type.
 */
import { ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType } from '../vocabulary.js';
import { TRAVERSAL_LIMITS } from '../traversal.js';
import type { Direction } from '../types.js';

export interface Statement {
  cypher: string;
  /** The parameters the statement expects, with example values (used to declare them to the linter). */
  params: Record<string, unknown>;
}

/** Map projection that returns a relationship as a RelationRecord. */
const RELATION = `{type: type(rel), source: startNode(rel).id, target: endNode(rel).id, section: rel.section, evidence: rel.evidence}`;

/**
 * A breadth-first search as a Cypher expression: the list of rings around `start` (ring i holds the nodes i hops
 * away over relations of $types) up to `depth` hops, each node in its nearest ring only.
 */
function bfsLayers(start: string, depth: string): string {
  const ring = `reduce(found = [], f IN rings[-1] | found + [(f)-[hop]-(near:Entity) WHERE type(hop) IN $types | near])`;
  const fresh = `reduce(next = [], m IN ${ring} | CASE WHEN m IN next OR any(seen IN rings WHERE m IN seen) THEN next ELSE next + m END)`;
  return `reduce(rings = [[${start}]], i IN range(1, ${depth}) | rings + [${fresh}])`;
}

/** Properties the seeder adds for lookups and search (see nodeRow): they stay in the database, never sent back. */
export const SEARCH_ONLY = ['keys', 'aliasText', 'fuzzyKeys'] as const;

/**
 * A node as a map of its record's properties. Not `{.*}`: the search-only properties (fuzzyKeys alone holds hundreds
 * of strings per node) made the driver's string decoding most of a 2-hop neighbourhood's CPU.
 */
function entity(variable: string): string {
  return `${variable} {.*, ${SEARCH_ONLY.map((key) => `${key}: null`).join(', ')}}`;
}

const reads = {
  getEntities: {
    cypher: `
      UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      RETURN ${entity('n')} AS entity`,
    params: { ids: ['gpu'] },
  },
  listEntities: {
    cypher: `
      CALL () {
        WITH $kind AS wanted WHERE wanted IS NULL
        MATCH (n:Entity)
        RETURN n
        UNION ALL
        MATCH (n:Entity {kind: $kind})
        RETURN n
      }
      WITH n ORDER BY n.id
      WITH collect(n) AS matching
      RETURN size(matching) AS totalCount, [x IN matching[$offset..($offset + $limit)] | ${entity('x')}] AS items`,
    params: { kind: 'Technology', offset: 0, limit: 20 },
  },
  relationsOf: {
    cypher: `
      UNWIND $ids AS id
      WITH DISTINCT id
      MATCH (n:Entity {id: id})-[rel]-(:Entity)
      RETURN id, collect(${RELATION}) AS relations`,
    params: { ids: ['gpu'] },
  },
  // A list property has no index: the names are matched in one pass over Entity, whatever their number.
  resolveRefs: {
    cypher: `
      MATCH (n:Entity)
      WHERE any(k IN n.keys WHERE k IN $keys)
      RETURN n.id AS id, n.kind AS kind, [k IN n.keys WHERE k IN $keys] AS matched`,
    params: { keys: ['gpu', '液冷'] },
  },
  // Search candidates: every entity that can score above 0 (src/graph/ranking.ts candidateParams): a name key that
  // begins with the text, or every word of the text inside a name key or sharing a deletion string with a Latin word.
  searchCandidates: {
    cypher: `
      MATCH (n:Entity)
      WHERE (size($kinds) = 0 OR n.kind IN $kinds)
        AND (any(k IN n.keys WHERE k STARTS WITH $key)
          OR (size($words) > 0 AND all(w IN $words WHERE any(k IN n.keys WHERE k CONTAINS w.text) OR any(d IN n.fuzzyKeys WHERE d IN w.deletions))))
      RETURN ${entity('n')} AS entity`,
    params: { key: 'liquidcooling', words: [{ text: 'liqid', deletions: ['liqid', 'iqid'] }], kinds: [] },
  },
  // The shortest-path DAG, not its paths (they multiply through hubs): a BFS from each end, one hop short of the
  // shortest distance, keeps per step i the nodes i hops from the start and (shortest - i) from the end, and the relations between
  // consecutive steps; src/graph/paths.ts ranks the paths. (SHORTEST 1 towards every node would follow trails to the
  // quantifier's bound of 10 hops, which explodes; the BFS here visits each node once.)
  shortestPathDag: {
    cypher: `
      MATCH (a:Entity {id: $from})
      MATCH (b:Entity {id: $to})
      MATCH p = SHORTEST 1 (a)-[r WHERE type(r) IN $types]-{0,${TRAVERSAL_LIMITS.maxPathDepth}}(b)
      WHERE length(p) <= $maxDepth
      WITH a, b, length(p) AS shortest, ${bfsLayers('a', 'length(p) - 1')} AS fromStart, ${bfsLayers('b', 'length(p) - 1')} AS fromEnd
      WITH shortest, CASE shortest WHEN 0 THEN [[a]] ELSE [[a]] + [i IN range(1, shortest - 1) | [x IN fromStart[i] WHERE x IN fromEnd[shortest - i]]] + [[b]] END AS steps
      CALL (shortest, steps) {
        UNWIND range(0, shortest - 1) AS i
        UNWIND steps[i] AS u
        MATCH (u)-[rel]-(v:Entity)
        WHERE type(rel) IN $types AND v IN steps[i + 1]
        RETURN collect(${RELATION}) AS edges
      }
      RETURN
        [i IN range(0, shortest) | [x IN steps[i] | {node: ${entity('x')}, toEnd: shortest - i, degree: COUNT { (x)-[rel]-() WHERE type(rel) IN $types }}]] AS steps,
        edges`,
    params: { from: 'gpu', to: 'cpu', types: ['USES'], maxDepth: 6 },
  },
  metrics: {
    cypher: `
      MATCH (m:Metric)
      WHERE ($year IS NULL OR m.year = $year)
        AND ($indicator IS NULL OR m.indicator = $indicator)
        AND ($subjectKey IS NULL OR EXISTS { MATCH (m)-[:MEASURES]->(s:Entity) WHERE $subjectKey IN s.keys })
        AND ($regionKey IS NULL OR EXISTS { MATCH (g:Region) WHERE $regionKey IN g.keys AND g.name = m.region })
      RETURN ${entity('m')} AS entity
      ORDER BY m.year, m.id`,
    params: { year: 2022, subjectKey: '智能算力', regionKey: 'china', indicator: 'ai-penetration' },
  },
  stats: {
    cypher: `
      MATCH (n:Entity)
      WITH n.kind AS kind, count(*) AS count
      WITH collect({kind: kind, count: count}) AS kinds
      CALL () {
        MATCH (:Entity)-[rel]->(:Entity)
        RETURN type(rel) AS type, count(*) AS count
      }
      RETURN kinds, collect({type: type, count: count}) AS relationTypes`,
    params: {},
  },
  counts: {
    cypher: `
      CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
      CALL () { MATCH (:Entity)-[rel]->(:Entity) RETURN count(rel) AS relationships }
      RETURN nodes, relationships`,
    params: {},
  },
  ping: {
    cypher: `RETURN 1 AS ok`,
    params: {},
  },
  dataVersion: {
    cypher: `
      MATCH (v:GraphVersion)
      RETURN v.version AS version`,
    params: {},
  },
} satisfies Record<string, Statement>;

const schema = {
  createIdConstraint: {
    cypher: `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE`,
    params: {},
  },
  createKindIndex: {
    cypher: `CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)`,
    params: {},
  },
  // The CJK analyzer indexes Chinese as character pairs and English as words, so both languages match.
  createNameIndex: {
    cypher: `
      CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
      FOR (n:Entity) ON EACH [n.name, n.nameZh, n.aliasText]
      OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
    params: {},
  },
  awaitIndexes: {
    cypher: `CALL db.awaitIndexes($seconds)`,
    params: { seconds: 60 },
  },
} satisfies Record<string, Statement>;

const writes = {
  /** The seeder's last write: the hash of what it seeded, which the store reads as its data version. */
  stampDataVersion: {
    cypher: `
      MERGE (v:GraphVersion)
      SET v.version = $version
      RETURN v.version AS version`,
    params: { version: '0123abcd' },
  },
  pruneEntities: {
    cypher: `
      MATCH (n:Entity)
      WHERE NOT n.id IN $ids
      DETACH DELETE n
      RETURN count(*) AS removed`,
    params: { ids: ['gpu'] },
  },
  pruneRelations: {
    cypher: `
      MATCH (a:Entity)-[rel]->(b:Entity)
      WHERE NOT (type(rel) + '|' + a.id + '|' + b.id) IN $keys
      DELETE rel
      RETURN count(*) AS removed`,
    params: { keys: ['USES|a|b'] },
  },
} satisfies Record<string, Statement>;

function upsertNodes(kind: EntityKind): Statement {
  const others = ENTITY_KINDS.filter((k) => k !== kind).map((k) => `:${k}`).join('');
  return {
    // SET n = row replaces every property, so a field removed from the seed disappears; REMOVE drops a kind
    // label the entity no longer has.
    cypher: `
      UNWIND $rows AS row
      MERGE (n:Entity {id: row.id})
      SET n = row
      SET n:${kind}
      REMOVE n${others}
      RETURN count(n) AS written`,
    params: { rows: [{ id: 'gpu', kind }] },
  };
}

function upsertRelations(type: RelationType): Statement {
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (a:Entity {id: row.source})
      MATCH (b:Entity {id: row.target})
      MERGE (a)-[rel:${type}]->(b)
      SET rel.section = row.section, rel.evidence = row.evidence
      RETURN count(rel) AS written`,
    params: { rows: [{ source: 'a', target: 'b', section: '1', evidence: 'x' }] },
  };
}

/**
 * The walk as shortest paths: a node is reached when a path of at most $depth followed relations joins it to the
 * centre, every step leaving the centre or a node of degree at most $maxDegree and arriving at an entity of $kinds.
 * The conditions sit on the steps, not in the WHERE: there Neo4j applied the degree after choosing the one shortest
 * path, which lost nodes reachable around a hub. The direction is pattern syntax: one statement per direction.
 */
function neighborhood(direction: Direction): Statement {
  const relation = { BOTH: '-[r WHERE type(r) IN $types]-', OUT: '-[r WHERE type(r) IN $types]->', IN: '<-[r WHERE type(r) IN $types]-' }[direction];
  const from = '(a WHERE a = start OR $maxDegree IS NULL OR COUNT { (a)-[y]-() WHERE type(y) IN $types } <= $maxDegree)';
  const to = '(b:Entity WHERE $kinds IS NULL OR b.kind IN $kinds)';
  return {
    cypher: `
      MATCH (start:Entity {id: $id})
      WITH start, COUNT { (start)-[y]-() WHERE type(y) IN $types } AS startDegree, COLLECT {
        MATCH p = SHORTEST 1 (start) (${from}${relation}${to}){1,${TRAVERSAL_LIMITS.maxNeighborhoodDepth}} (m:Entity)
        WHERE length(p) <= $depth AND m <> start
        WITH m, length(p) AS distance
        ORDER BY distance, m.id
        LIMIT $limit
        RETURN {node: m, distance: distance, degree: COUNT { (m)-[y]-() WHERE type(y) IN $types }} AS reached
      } AS ring
      WITH [{node: start, distance: 0, degree: startDegree}] + ring AS members
      WITH members, [x IN members | x.node] AS nodes
      UNWIND nodes AS a
      OPTIONAL MATCH (a)-[rel]->(b:Entity)
      WHERE b IN nodes AND type(rel) IN $types
      WITH members, collect(${RELATION}) AS edges
      RETURN [n IN [x IN members | x.node] | ${entity('n')}] AS nodes, [x IN members | {distance: x.distance, degree: x.degree}] AS members, edges`,
    params: { id: 'gpu', types: ['USES'], depth: 1, limit: 200, kinds: ['Technology'], maxDegree: 20 },
  };
}

const generated = {
  neighborhood: neighborhood('BOTH'),
  neighborhoodOut: neighborhood('OUT'),
  neighborhoodIn: neighborhood('IN'),
  ...Object.fromEntries(ENTITY_KINDS.map((kind) => [`upsertNodes${kind}`, upsertNodes(kind)])),
  ...Object.fromEntries(RELATION_TYPES.map((type) => [`upsertRelations${type}`, upsertRelations(type)])),
} as Record<'neighborhood' | 'neighborhoodOut' | 'neighborhoodIn' | `upsertNodes${EntityKind}` | `upsertRelations${RelationType}`, Statement>;

export const STATEMENTS = { ...reads, ...schema, ...writes, ...generated };
export type StatementName = keyof typeof STATEMENTS;

/** Properties the statements read or write (and the keys of the row maps they unwind): declared to the linter. */
export const PROPERTY_KEYS = [
  'source', 'target',
  'id', 'kind', 'name', 'nameZh', 'aliases', 'aliasText', 'keys', 'fuzzyKeys', 'description', 'descriptionZh', 'sections',
  'number', 'value', 'unit', 'unitZh', 'unitCode', 'qualifier', 'indicator', 'year', 'asOf', 'period', 'region', 'forecast', 'source', 'evidence', 'section',
  'version',
];
