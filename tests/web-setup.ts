/** Builds the web pages (dist/web) once before the suite when they are missing or older than their sources. */
import { buildWebIfStale } from '../scripts/build-web.js';

export default async function setup() {
  await buildWebIfStale();
}
