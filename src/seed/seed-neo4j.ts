/** `npm run seed [-- --prune]`: checks the seed files and loads them into the Neo4j the environment points at. */
import { ConfigError, loadConfig } from '../config.js';
import { Neo4jStore } from '../graph/neo4j/store.js';
import { seedNeo4j } from '../graph/neo4j/seed.js';
import { StoreUnavailable } from '../graph/types.js';
import { loadCheckedSeed } from './load.js';

async function main() {
  const prune = process.argv.includes('--prune');
  const config = loadConfig({ ...process.env, GRAPH_STORE: 'neo4j' });
  const graph = loadCheckedSeed(config.seedDir);
  const store = new Neo4jStore(config.neo4j);
  try {
    const started = performance.now();
    const report = await seedNeo4j(store, graph, { prune });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `seeded ${config.neo4j.uri} (database ${config.neo4j.database}) in ${seconds} s: ` +
        `${report.nodes} nodes, ${report.relationships} relationships` +
        (prune ? `; pruned ${report.prunedNodes} nodes, ${report.prunedRelationships} relationships` : ''),
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  // Unreachable server, wrong password, bad configuration: one line the operator can act on, no stack trace.
  if (error instanceof StoreUnavailable || error instanceof ConfigError) console.error(`seed failed: ${error.message}`);
  else console.error('seed failed:', error);
  process.exit(1);
});
