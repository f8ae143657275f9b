/**
 * Values the seed loader must give, written to kill mutants Stryker found alive (README: "Mutation testing"): the
 * start-up check that refuses a broken seed names every problem, as `file: entry: reason`.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, loadCheckedSeed } from '../src/seed/load.js';
import { SEED_DIR, realSeed } from './helpers.js';

describe('loading the checked seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the graph of a clean seed', () => {
    const graph = loadCheckedSeed(SEED_DIR);
    expect(graph.entities).toHaveLength(realSeed().entities.length);
    expect(graph.relations).toHaveLength(realSeed().relations.length);
  });

  it('refuses a seed with problems, naming the folder, the count and each problem as file: entry: reason', () => {
    cpSync(SEED_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, 'chapters', 'zz-broken.yaml'),
      'relations:\n  - { type: ADDRESSES, from: no-such-thing, to: liquid-cooling, evidence: "液冷技术" }\n',
    );
    let message = '';
    try {
      loadCheckedSeed(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^seed in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has [1-9][0-9]* problem\\(s\\):$`));
    expect(Number(/has (\d+) problem/.exec(lines[0])![1])).toBe(lines.length - 1);
    expect(lines).toContain('chapters/zz-broken.yaml: ADDRESSES no-such-thing -> liquid-cooling: unknown entity "no-such-thing"');
  });

  it('formats a problem as file: entry: reason', () => {
    expect(formatProblem({ file: 'chapters/a.yaml', entry: 'USES x -> y', reason: 'unknown entity "x"' })).toBe('chapters/a.yaml: USES x -> y: unknown entity "x"');
  });
});
