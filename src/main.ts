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
  // A graceful stop: /ready turns 503 and new connections are refused at once; requests in flight finish (within
  // DRAIN_TIMEOUT_MS); then the store closes and the process exits 0. A second signal does not cut the drain short.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining requests in flight');
    await running.stop();
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration and seed problems are the user's to fix: one clear message, no stack trace.
  const message = error instanceof ConfigError || (error instanceof Error && error.message.startsWith('seed in')) ? error.message : String(error instanceof Error ? error.stack : error);
  console.error(`failed to start: ${message}`);
  process.exit(1);
});
