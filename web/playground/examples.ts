/** The playground's tabs: a short "start here" query, then the README's worked operations (examples/operations), read at build time. */

export interface Tab {
  query: string;
}

export const START_HERE = `# Start here: run this with Ctrl+Enter (or the ▶ button), then open the Docs panel on the left.
# The other tabs are the worked operations of the README, each answering the question on its first line.
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
export const WORKED: Tab[] = Object.keys(files)
  .sort()
  .map((path) => ({ query: files[path] }));

export const TABS: Tab[] = [{ query: START_HERE }, ...WORKED];
