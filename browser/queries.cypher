// 1. The challenge -> solution map: every remedy the whitepaper offers, and for which challenge.
MATCH (s:Entity)-[r:ADDRESSES]->(c:Challenge)
RETURN c, r, s;

// 2. An application's technologies and industries (here the metaverse, 元宇宙).
MATCH (a:Application {id: 'metaverse'})-[r:USES|APPLIED_IN]->(x:Entity)
RETURN a, r, x;

// 3. The shortest chain of statements joining two entities (sections skipped).
MATCH p = SHORTEST 1 (a:Entity {id: 'liquid-cooling'})-[r WHERE type(r) <> 'MENTIONED_IN']-{1,6}(b:Entity {id: 'metaverse'})
RETURN p;

// 4. Metrics by year, with what they measure.
MATCH (m:Metric)-[:MEASURES]->(s:Entity)
RETURN m.year AS year, m.name AS metric, m.value AS value, m.unit AS unit, m.region AS region, s.name AS subject
ORDER BY year, metric;

// 5. What a section talks about (3.3.2, energy consumption).
MATCH (e:Entity)-[:MENTIONED_IN]->(s:Section {number: '3.3.2'})
RETURN s, e;

// 6. The most connected entities, not counting section mentions.
MATCH (e:Entity)-[r]-(:Entity)
WHERE type(r) <> 'MENTIONED_IN'
RETURN e.name AS name, e.nameZh AS nameZh, e.kind AS kind, count(r) AS degree
ORDER BY degree DESC
LIMIT 20;

// 7. The evidence behind an entity's statements: section and verbatim quote.
MATCH (a:Entity {id: 'liquid-cooling'})-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONED_IN'
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.section AS section, r.evidence AS evidence;

// 8. Full-text search in Chinese or English over names and aliases.
CALL db.index.fulltext.queryNodes('entity_names', '边缘计算') YIELD node, score
RETURN node.name AS name, node.nameZh AS nameZh, node.kind AS kind, score
LIMIT 10;

// 9. Who developed or launched what.
MATCH (p:Entity)-[r:DEVELOPED_BY]->(o:Organization)
RETURN o, r, p;

// 10. The trends and what drives them.
MATCH (d:Entity)-[r:DRIVES]->(t:Trend)
RETURN t, r, d;

// 11. The recommendations of section 5.2 and the challenges they answer.
MATCH (rec:Recommendation)-[r:ADDRESSES]->(c:Challenge)
RETURN rec, r, c;

// 12. The timeline: every dated event, in year order, with what it concerns.
MATCH (ev:Event)-[r:CONCERNS]->(x:Entity)
RETURN ev, r, x
ORDER BY ev.year;
