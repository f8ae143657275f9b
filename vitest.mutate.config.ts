/**
 * The vitest configuration Stryker runs (stryker.config.mjs): the suite minus what cannot kill a mutant of src/.
 * Left out, each for a reason:
 * - pages in Chromium (playground, explore, neo4j-browser) and the explorer's own code (explore-*): they test web/
 *   through a browser, seconds per test, and the API they call is covered by the in-process suites;
 * - child processes (shutdown, docker, neo4j-outage, bench-cpu): the code under test runs in another process, which
 *   Stryker's active mutant never reaches, so they can only cost time (neo4j-outage also stops and starts a Neo4j);
 * - the differential test (8,491 questions, 2.5 minutes, 88 s in its search test alone): Stryker runs every test that
 *   covers a mutant, so each surviving mutant of the shared ranking would pay those 88 s, and the test cannot kill
 *   one: it compares the two stores, and a mutant of code both stores share changes both answers alike. The
 *   Neo4j-only code is checked by the Neo4j legs of store-contract, api, relation-fields and the *.mutants tests.
 * - tests/search-model.test.ts: one test of 1,763 searches (13 s), past 120 s once Stryker counts every statement
 *   run in the ranking's inner loops; the ranking's values are asserted by search-quality, store-contract and the
 *   *.mutants tests instead.
 * - timing (deadline, slow-clients): they assert elapsed milliseconds (a store call within 50 ms of the deadline),
 *   which instrumented code on a loaded machine misses; a flaky test would count as a kill.
 * - tests/cypher.test.ts: it lints statements.ts (whose mutants are all static, see stryker.config.mjs) and greps the
 *   source text of src/ for Cypher, which Stryker's instrumented copies fail (a comment followed by its code).
 * The global setup is the suite's own: Neo4j at NEO4J_URI (seeded), and dist/web built when stale (web.test needs it).
 * Stryker adds its own setup file and runs one worker (maxWorkers 1), so this config sets nothing about pools.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/**
 * The suites written for mutation testing (tests/*.mutants.test.ts) run after all the others. Stryker stops a mutant
 * at its first failing test, so a mutant whose killer is a *.mutants test passed every older test: that is how the
 * README's score "before the new tests" is counted from the same run (scripts/mutate.ts --scores).
 */
class MutantsLast extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => (f.moduleId.endsWith('.mutants.test.ts') ? 1 : 0);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => last(a.f) - last(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

export const EXCLUDED = [
  'tests/playground.test.ts',
  'tests/explore.test.ts',
  'tests/explore-*.test.ts',
  'tests/neo4j-browser.test.ts',
  'tests/shutdown.test.ts',
  'tests/docker.test.ts',
  'tests/neo4j-outage.test.ts',
  'tests/bench-cpu.test.ts',
  'tests/differential.test.ts',
  'tests/cypher.test.ts',
  'tests/search-model.test.ts',
  'tests/deadline.test.ts',
  'tests/slow-clients.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: EXCLUDED,
      sequence: { sequencer: MutantsLast },
      // Tests that would write the shared Neo4j with a mutant active skip themselves (tests/store-contract.test.ts).
      env: { KG_MUTATION_RUN: '1' },
    },
  }),
);
