/** The representative queries every benchmark measures: the table of issue 11. */
export const QUERIES: Record<string, string> = {
  'neighborhood 深度学习, depth 2': '{ neighborhood(id: "深度学习", depth: 2) { nodes { id kind name nameZh } edges { type source { id } target { id } } } }',
  'entity by id, 5 scalars': '{ entity(id: "deep-learning") { id kind name nameZh description } }',
  'search 液冷, first 10': '{ search(text: "液冷", first: 10) { score entity { id name nameZh } } }',
  // 10 hops: the graph's diameter is 11 (low-carbon-computing-power to shanghai), one more than maxDepth allows.
  'shortestPath, 10 hops': '{ shortestPath(from: "data-center-switch", to: "shanghai", maxDepth: 10) { length nodes { id name } edges { type evidence } } }',
  'metrics of 智能算力': '{ metrics(subject: "智能算力") { value unit year region source } }',
};
