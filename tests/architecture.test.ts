/** The layers point one way: the domain and its stores (src/graph) import nothing above them. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every relative import of a file, resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) => relative(src, resolve(dirname(file), m[1])));
}

describe('layering', () => {
  it('src/graph imports only from src/graph (no configuration, errors, seed loading, context or resolvers)', () => {
    const upward = filesUnder(join(src, 'graph')).flatMap((file) =>
      importsOf(file).filter((target) => !target.startsWith('graph/')).map((target) => `${relative(src, file)} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('the rule sees imports at all (it found the graph files importing each other)', () => {
    const found = filesUnder(join(src, 'graph')).flatMap(importsOf);
    expect(found).toContain('graph/types.js');
  });
});
