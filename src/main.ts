/** Composition root: config -> store -> server -> listen. */
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { createStore } from './stores.js';
import { startServer } from './server.js';

async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const started = performance.now();
  const store = await createStore(config);
  const running = await startServer(store, config, logger);
  logger.info({ store: store.name, url: running.url, startupMs: Math.round(performance.now() - started) }, 'ready');
  console.log(`GraphQL API (${store.name} store) ready at ${running.url}`);
  const shutdown = async () => {
    await running.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // Configuration and seed problems are the user's to fix: one clear message, no stack trace.
  const message = error instanceof ConfigError || (error instanceof Error && error.message.startsWith('seed in')) ? error.message : String(error instanceof Error ? error.stack : error);
  console.error(`failed to start: ${message}`);
  process.exit(1);
});
