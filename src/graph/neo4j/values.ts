/** Driver values to plain JS: Neo4j integers become numbers, refusing any that a number cannot hold exactly. */
import neo4j from 'neo4j-driver';

export function toPlain(value: unknown): unknown {
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new RangeError(`integer ${value.toString()} is outside the safe range of a JS number`);
    return value.toNumber();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
