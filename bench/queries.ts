/** The representative queries every benchmark measures. */
export const QUERIES: Record<string, string> = {
  'entity by id': '{ entity(id: "liquid-cooling") { id name nameZh description } }',
  'search (Chinese)': '{ search(text: "边缘计算", first: 10) { score entity { id name } } }',
  'typed relations, 2 levels': '{ entity(id: "energy-consumption") { ... on Challenge { solutions { id name relations(direction: OUT, first: 10) { type evidence target { id name } } } } } }',
  'neighborhood depth 2': '{ neighborhood(id: "liquid-cooling", depth: 2) { nodes { id name } edges { type evidence source { id } target { id } } } }',
  'shortest path': '{ shortestPath(from: "metaverse", to: "energy-consumption") { length nodes { id name } edges { type evidence } } }',
  'metrics by subject': '{ metrics(subject: "智能算力") { value unit year region source } }',
};
