/**
 * Every Cypher statement the project sends passes Neo4j's own Cypher front end (parser and semantic analysis,
 * compiled to JavaScript) with zero diagnostics, against a schema of the project's labels, types and properties.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { PROPERTY_KEYS, STATEMENTS } from '../src/graph/neo4j/statements.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../src/graph/vocabulary.js';

function schemaFor(params: Record<string, unknown>): DbSchema {
  return {
    labels: ['Entity', ...ENTITY_KINDS, 'GraphVersion'],
    relationshipTypes: [...RELATION_TYPES],
    propertyKeys: PROPERTY_KEYS,
    parameters: params,
    // Neo4j 5.26, the version docker-compose.yml pins, speaks Cypher 5.
    defaultLanguage: 'CYPHER 5',
  };
}

function lint(cypher: string, params: Record<string, unknown>) {
  return lintCypherQuery(cypher, schemaFor(params)).diagnostics.map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
}

describe("Neo4j's Cypher front end", () => {
  it.each(Object.entries(STATEMENTS))('finds nothing wrong with %s', (_name, statement) => {
    expect(lint(statement.cypher, statement.params)).toEqual([]);
  });

  it('catches a syntax error, an undefined variable, an undeclared parameter and an unknown label or property', () => {
    expect(lint('MATCH (n:Entity RETURN n', {}).join()).toMatch(/error/);
    expect(lint('MATCH (n:Entity) RETURN m', {})).toContainEqual(expect.stringContaining('Variable `m` not defined'));
    expect(lint('MATCH (n:Entity {id: $nope}) RETURN n', {})).toContainEqual(expect.stringContaining('Parameter $nope is not defined'));
    expect(lint('MATCH (n:Gadget) RETURN n', {})).toContainEqual(expect.stringContaining('Label Gadget is not present in the database'));
    expect(lint('MATCH (n:Entity) RETURN n.colour', {})).toContainEqual(expect.stringContaining('colour is not present in the database'));
    expect(lint('MATCH (n:Entity)-[:LIKES]->(m) RETURN m', {})).toContainEqual(expect.stringContaining('LIKES is not present in the database'));
  });

  it('catches aggregation misuse', () => {
    expect(lint('MATCH (n:Entity) RETURN n.id, count(*) ORDER BY n.name', {})).toContainEqual(
      expect.stringContaining('it is not possible to access variables declared before the WITH/RETURN'),
    );
  });
});

describe('where Cypher lives', () => {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(src);

  it('is only in src/graph/neo4j/statements.ts, so no statement escapes the check above', () => {
    const cypherish = /\b(MATCH|MERGE|UNWIND|DETACH DELETE|RETURN)\b[^'"`]*\(|CALL db\.|CREATE (CONSTRAINT|INDEX|FULLTEXT)/;
    const offenders = files
      .filter((f) => !f.endsWith(join('neo4j', 'statements.ts')) && !f.includes('__generated__'))
      .filter((f) => cypherish.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });

  it('is run only by name: the store passes STATEMENTS[name] and nothing else to the driver', () => {
    const store = readFileSync(join(src, 'graph', 'neo4j', 'store.ts'), 'utf8');
    const runs = [...store.matchAll(/\.run\(([^,]+),/g)].map((m) => m[1].trim());
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((arg) => arg === 'STATEMENTS[name].cypher')).toBe(true);
  });
});

describe('the Neo4j Browser guide', () => {
  const guide = readFileSync(fileURLToPath(new URL('../browser/queries.cypher', import.meta.url)), 'utf8');
  const queries = guide.split(/;\s*\n/).map((q) => q.replace(/^\/\/.*$/gm, '').trim()).filter(Boolean);
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

  it('has at least eight exploration queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(8);
  });

  it.each(queries.map((q, i) => [i + 1, q]))('query %i passes the Cypher front end and stands in the README', (_i, query) => {
    expect(lint(query, {})).toEqual([]);
    expect(readme).toContain(query);
  });

  it('has a style rule with a colour and a caption for every kind', () => {
    const grass = readFileSync(fileURLToPath(new URL('../browser/style.grass', import.meta.url)), 'utf8');
    for (const kind of ENTITY_KINDS) expect(grass).toMatch(new RegExp(`node\\.${kind} \\{ color: #[0-9A-F]{6};.*caption: "[^"]*"; \\}`));
  });
});
