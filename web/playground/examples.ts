/** The playground's tabs: a short "start here" query, then the README's worked operations (examples/operations), read at build time. */

export interface Tab {
  query: string;
}

const START_HERE = `# Start here: Ctrl+Enter (or ▶) runs this.
# The schema's docs: the book icon, top left.
# The other tabs: the README's worked operations.
query StartHere {
  stats {
    entities
    relations
  }
  entity(id: "液冷") {
    name
    nameZh
    kind
  }
}
`;

// Eager: the texts are part of the bundle, so nothing is fetched when the page opens.
const files = import.meta.glob<string>('../../examples/operations/*.graphql', { query: '?raw', import: 'default', eager: true });

/** The worked operations in file-name order (01-…, 02-…), as the README numbers them. */
const WORKED: Tab[] = Object.keys(files)
  .sort()
  .map((path) => ({ query: files[path] }));

export const TABS: Tab[] = [{ query: START_HERE }, ...WORKED];
