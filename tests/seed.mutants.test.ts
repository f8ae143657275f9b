/**
 * Values the seed loader must give, written to kill mutants Stryker found alive (README: "Mutation testing"): the
 * start-up check that refuses a broken seed names every problem, as `file: entry: reason`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSeed, EXCEPTIONS_FILE, formatProblem, loadCheckedSeed, loadSeedDir, SECTIONS_FILE, type SeedFile, type SeedProblem } from '../src/seed/load.js';
import { SEED_DIR, realSeed } from './helpers.js';

describe('loading the checked seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the graph of a clean seed', () => {
    const graph = loadCheckedSeed(SEED_DIR);
    expect(graph.entities).toHaveLength(realSeed().entities.length);
    expect(graph.relations).toHaveLength(realSeed().relations.length);
  });

  it('refuses a seed with problems, naming the folder, the count and each problem as file: entry: reason', () => {
    cpSync(SEED_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, 'chapters', 'zz-broken.yaml'),
      'relations:\n  - { type: ADDRESSES, from: no-such-thing, to: liquid-cooling, evidence: "液冷技术" }\n',
    );
    let message = '';
    try {
      loadCheckedSeed(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^seed in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has [1-9][0-9]* problem\\(s\\):$`));
    expect(Number(/has (\d+) problem/.exec(lines[0])![1])).toBe(lines.length - 1);
    expect(lines).toContain('chapters/zz-broken.yaml: ADDRESSES no-such-thing -> liquid-cooling: unknown entity "no-such-thing"');
  });

  it('formats a problem as file: entry: reason', () => {
    expect(formatProblem({ file: 'chapters/a.yaml', entry: 'USES x -> y', reason: 'unknown entity "x"' })).toBe('chapters/a.yaml: USES x -> y: unknown entity "x"');
  });
});

const source = readFileSync(join(SEED_DIR, 'source.txt'), 'utf8');
const sectionsYaml = readFileSync(join(SEED_DIR, SECTIONS_FILE), 'utf8');
const sectionsFile = (content = sectionsYaml): SeedFile => ({ path: SECTIONS_FILE, content });

/** Parts for the sections file of a made-up text (madeUpSections). */
const PARTS = {
  front: '  - { id: section-front, number: front, title: Cover, titleZh: 封面, heading: "封面" }\n',
  background: '  - { id: section-1, number: "1", title: Background, titleZh: 背景, heading: "1 背景" }\n',
  outlook: '  - { id: section-2, number: "2", title: Outlook, titleZh: 展望, heading: "2 展望" }\n',
};
/** The sections file of a made-up text whose body starts after "正文开始": these parts in order, no figures. */
function madeUpSections(parts: string[], contentsStartsAt?: string): SeedFile {
  const contents = contentsStartsAt === undefined ? '' : `contentsStartsAt: "${contentsStartsAt}"\n`;
  return sectionsFile(`bodyStartsAfter: "正文开始"\n${contents}sections:\n${parts.join('')}figures: []\n`);
}
/** A chapter of one entity, GPU (图形处理器), for made-up texts that name it. */
const gpuChapter = (aliases = '[]'): SeedFile => ({
  path: 'chapters/gpu.yaml',
  content: `entities:\n  - { id: gpu, kind: Technology, name: GPU, nameZh: 图形处理器, aliases: ${aliases}, description: x., descriptionZh: x。 }\n`,
});

const entities = `
entities:
  - { id: liquid-cooling, kind: Technology, name: Liquid cooling, nameZh: 液冷技术, aliases: [液冷], description: x., descriptionZh: x。 }
  - { id: energy-consumption, kind: Challenge, name: Energy consumption, nameZh: 能耗, description: x., descriptionZh: x。 }
`;
const quote = '推动数据中心采用液冷技术来满足服务器大功耗高密度部署带来的散热需求';
const relation = (extra = '', type = 'ADDRESSES', evidence = quote) =>
  `\n  - { type: ${type}, from: liquid-cooling, to: energy-consumption, evidence: "${evidence}"${extra} }`;

/** The real source and sections with one chapter file (and the other files given), as in-memory seed files. */
function check(chapter: string, more: SeedFile[] = [], sections = sectionsFile()) {
  return buildSeed(source, [sections, { path: 'chapters/test.yaml', content: chapter }, ...more]);
}
const problemsOf = (result: { problems: SeedProblem[] }) => result.problems.map(formatProblem);

/** A copy of the real seed folder in a fresh temporary folder, removed after the suite. */
const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));
function seedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-seed-'));
  copies.push(dir);
  cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

describe('reading a seed folder', () => {
  it('reads only the .yaml and .yml files of entities/ and chapters/, not notes or backups beside them', () => {
    const dir = seedCopy();
    writeFileSync(join(dir, 'chapters', 'notes.md'), '- not a chapter\n');
    writeFileSync(join(dir, 'chapters', '02-chapter-3-1.yaml.bak'), '- not a chapter either\n');
    expect(loadSeedDir(dir).problems).toEqual([]);
  });

  it('reads a chapter written as .yml as well as .yaml', () => {
    const dir = seedCopy();
    writeFileSync(join(dir, 'chapters', 'zz-extra.yml'), 'relations:\n  - { type: ADDRESSES, from: no-such-thing, to: liquid-cooling, evidence: "液冷技术" }\n');
    expect(loadSeedDir(dir).problems.map(formatProblem)).toEqual([
      'chapters/zz-extra.yml: ADDRESSES no-such-thing -> liquid-cooling: unknown entity "no-such-thing"',
    ]);
  });

  it('loads a folder without exceptions.yaml, keeping the findings its exceptions would excuse', () => {
    const dir = seedCopy();
    rmSync(join(dir, EXCEPTIONS_FILE));
    const { problems, findings } = loadSeedDir(dir);
    expect(problems).toEqual([]);
    expect(findings.map((f) => `${f.rule}: ${f.entry}`)).toContain('twins: autonomous-learning');
  });

  it('puts each problem of a refused seed on a line of its own', () => {
    const dir = seedCopy();
    writeFileSync(
      join(dir, 'chapters', 'zz-broken.yaml'),
      'relations:\n  - { type: ADDRESSES, from: no-such-thing, to: liquid-cooling, evidence: "液冷技术" }\n  - { type: ADDRESSES, from: liquid-cooling, to: no-such-challenge, evidence: "液冷技术" }\n',
    );
    expect(() => loadCheckedSeed(dir)).toThrow(
      new Error(
        `seed in ${dir} has 2 problem(s):\n` +
          'chapters/zz-broken.yaml: ADDRESSES no-such-thing -> liquid-cooling: unknown entity "no-such-thing"\n' +
          'chapters/zz-broken.yaml: ADDRESSES liquid-cooling -> no-such-challenge: unknown entity "no-such-challenge"',
      ),
    );
  });
});

describe('checking the sections file against the source text', () => {
  it('reports a missing sections file as its only problem', () => {
    expect(buildSeed(source, [{ path: 'chapters/test.yaml', content: entities }])).toEqual({
      graph: { entities: [], relations: [] },
      problems: [{ file: 'entities/sections.yaml', entry: '-', reason: 'missing' }],
      findings: [],
    });
  });

  it('reports a heading that is not in the source text, under the entry "heading"', () => {
    const sections = sectionsFile(sectionsYaml.replace('heading: "3.3.2 能耗"', 'heading: "3.3.2 能源消耗"'));
    expect(problemsOf(check(entities, [], sections))).toContain(
      'entities/sections.yaml: heading: section 3.3.2: heading "3.3.2 能源消耗" not found in order in source.txt',
    );
  });

  it('reports a bodyStartsAfter text that is not in the source text', () => {
    const sections = sectionsFile(sectionsYaml.replace('bodyStartsAfter: "图 10 我国智能算力规模及预测 32"', 'bodyStartsAfter: "正文从此开始"'));
    expect(problemsOf(check(entities, [], sections))).toContain('entities/sections.yaml: heading: bodyStartsAfter text not found in source.txt: 正文从此开始');
  });

  it('accepts a bodyStartsAfter or contentsStartsAt text at the very start of the source text', () => {
    expect(buildSeed('正文开始 1 背景 文字。', [madeUpSections([PARTS.background])]).problems).toEqual([]);
    expect(buildSeed('目录 1 背景 正文开始 1 背景 文字。', [madeUpSections([PARTS.background], '目录')]).problems).toEqual([]);
  });

  it('finds the heading of a part before the body whose number has a digit but does not start with one', () => {
    const sections = madeUpSections(['  - { id: section-pre1, number: pre1, title: Foreword, titleZh: 前言, heading: "前言" }\n', PARTS.background]);
    expect(buildSeed('前言 文字。 正文开始 1 背景 文字。', [sections]).problems).toEqual([]);
  });

  it('does not count a name in the table of contents as a mention, also when the contents start the text', () => {
    const sections = madeUpSections([PARTS.background], '目录');
    const result = buildSeed('目录 GPU 1 背景 正文开始 1 背景 这句的 GPU 是它。', [sections, gpuChapter()]);
    expect(result.problems).toEqual([]);
    expect(result.graph.relations.filter((r) => r.source === 'gpu').map((r) => [r.type, r.target, r.evidence])).toEqual([['MENTIONED_IN', 'section-1', '这句的 GPU 是它。']]);
  });

  it('finds two sections with the same heading at their own places, in order', () => {
    const overview = (n: string) => `  - { id: section-${n}, number: "${n}", title: Overview, titleZh: 概述, heading: "概述" }\n`;
    const result = buildSeed('正文开始 概述 第一节的 GPU。 概述 别的。', [madeUpSections([overview('1'), overview('2')]), gpuChapter()]);
    expect(result.problems).toEqual([]);
    expect(result.graph.relations.filter((r) => r.source === 'gpu').map((r) => r.target)).toEqual(['section-1']);
  });

  it('nests numbered sections only: a part numbered like annex.1 is not part of annex', () => {
    const sections = madeUpSections([
      '  - { id: section-annex, number: annex, title: Annex, titleZh: 附录, heading: "附录" }\n',
      '  - { id: section-annex-1, number: annex.1, title: Annex one, titleZh: 附录一, heading: "附录一" }\n',
    ]);
    const result = buildSeed('正文开始 附录 文字。 附录一 文字。', [sections]);
    expect(result.problems).toEqual([]);
    expect(result.graph.relations.filter((r) => r.type === 'PART_OF')).toEqual([]);
  });

  it('counts a name before the table of contents and one right after the body marker, and finds a quote at the very start', () => {
    const sections = madeUpSections([PARTS.background], '目录');
    const mentions = (text: string) => {
      const result = buildSeed(text, [sections, gpuChapter()]);
      expect(result.problems).toEqual([]);
      return result.graph.relations.filter((r) => r.source === 'gpu').map((r) => r.evidence);
    };
    expect(mentions('GPU 在封面。 目录 1 背景 正文开始 1 背景 文字。')).toEqual(['GPU 在封面。']);
    expect(mentions('封面。 目录 1 背景 正文开始GPU 开篇。 1 背景 文字。')).toEqual(['目录 1 背景 正文开始GPU 开篇。']);
    const relation = { path: 'chapters/test.yaml', content: `${entities}relations:\n  - { type: ADDRESSES, from: liquid-cooling, to: energy-consumption, evidence: "液冷技术解决能耗" }\n` };
    const result = buildSeed('液冷技术解决能耗。 目录 正文开始 1 背景 文字。', [sections, relation]);
    expect(result.problems).toEqual([]);
    expect(result.graph.relations.filter((r) => r.type === 'ADDRESSES').map((r) => [r.section, r.evidence])).toEqual([['1', '液冷技术解决能耗']]);
  });

  it('places a quote that starts with a heading in that heading\'s section', () => {
    const sections = madeUpSections([PARTS.background, PARTS.outlook]);
    const relation = { path: 'chapters/test.yaml', content: `${entities}relations:\n  - { type: ADDRESSES, from: liquid-cooling, to: energy-consumption, evidence: "2 展望 液冷技术解决能耗" }\n` };
    const result = buildSeed('正文开始 1 背景 文字。 2 展望 液冷技术解决能耗。', [sections, relation]);
    expect(result.problems).toEqual([]);
    expect(result.graph.relations.filter((r) => r.type === 'ADDRESSES').map((r) => r.section)).toEqual(['2']);
  });

  it('quotes a mention inside a heading as the heading, and one right after it as its sentence', () => {
    const sections = madeUpSections([PARTS.background, '  - { id: section-2, number: "2", title: GPUs, titleZh: GPU 展望, heading: "GPU 展望" }\n']);
    const quotes = (text: string) => buildSeed(text, [sections, gpuChapter()]).graph.relations.filter((r) => r.source === 'gpu').map((r) => [r.target, r.evidence]);
    expect(quotes('正文开始 1 背景 文字。 GPU 展望 别的。')).toEqual([['section-2', 'GPU 展望']]);
    expect(quotes('正文开始 1 背景图形处理器在这。 2 别的。')).toEqual([['section-1', '图形处理器在这。']]);
  });

  it('quotes a mention by its sentence, narrowed to its clause when the sentence is longer than 160 characters', () => {
    const sections = madeUpSections([PARTS.background]);
    const quote = (sentence: string) => buildSeed(`正文开始 1 背景 ${sentence}`, [sections, gpuChapter()]).graph.relations.find((r) => r.source === 'gpu')?.evidence;
    const tail = ',图形处理器在这,后面的话。';
    const sentenceOf = (length: number) => '算'.repeat(length - tail.length) + tail;
    // A short sentence after a long one is still whole; one of exactly 160 characters is too, one of 161 is not.
    expect(quote(`${sentenceOf(170)}另一句说图形处理器。`)).toBe('图形处理器在这,');
    expect(quote(`${'算'.repeat(200)}。前面的话,图形处理器在这,后面的话。`)).toBe('前面的话,图形处理器在这,后面的话。');
    expect(quote(`首句。${sentenceOf(160)}`)).toBe(sentenceOf(160));
    expect(quote(`首句。${sentenceOf(161)}`)).toBe('图形处理器在这,');
  });

  it('reports a contentsStartsAt text that is not before the body', () => {
    const sections = sectionsFile(sectionsYaml.replace('contentsStartsAt: "2023 智能算力发展白皮书 目 录"', 'contentsStartsAt: "目录从此开始"'));
    expect(problemsOf(check(entities, [], sections))).toContain('entities/sections.yaml: heading: contentsStartsAt text not found before the body: 目录从此开始');
  });

  it("reports a section whose id is not the one its number gives", () => {
    const sections = sectionsFile(sectionsYaml.replace('{ id: section-1, number: "1",', '{ id: section-one, number: "1",'));
    expect(problemsOf(check(entities, [], sections))).toContain("entities/sections.yaml: section-one: a section's id must be section-1");
  });

  it('reports a figure caption that is not in the body of the source text', () => {
    const sections = sectionsFile(sectionsYaml.replace('caption: "图 1 近两年全球算力规模情况"', 'caption: "图 1 不存在的图"'));
    const result = check(entities, [], sections);
    expect(problemsOf(result)).toContain('entities/sections.yaml: figure-1: caption "图 1 不存在的图" not found in the body of source.txt');
    expect(result.graph.entities.map((e) => e.id)).not.toContain('figure-1');
  });

  it('places a figure in section "front" when the sections file lists no sections', () => {
    const sections = sectionsFile(
      'bodyStartsAfter: "图 10 我国智能算力规模及预测 32"\nsections: []\nfigures:\n' +
        '  - { id: figure-1, number: 1, name: "Figure 1", nameZh: 近两年全球算力规模情况, caption: "图 1 近两年全球算力规模情况" }\n',
    );
    const figure = check('', [], sections).graph.entities.find((e) => e.id === 'figure-1');
    expect(figure?.description).toBe('Figure 1 of the whitepaper, in section front.');
    expect(figure?.sections).toEqual(['front']);
  });
});

describe('the entities the sections file gives', () => {
  // Built in each test, not once for the block: Stryker counts a test as covering the loader only when the test runs it.
  const byId = (id: string) => check(entities).graph.entities.find((e) => e.id === id);

  it('describe a numbered section by its number, with the number as alias, and make it part of its parent', () => {
    expect(byId('section-3-3-2')).toEqual({
      id: 'section-3-3-2', kind: 'Section', number: '3.3.2', name: 'Energy consumption', nameZh: '能耗', aliases: ['3.3.2'],
      description: 'Section 3.3.2 of the whitepaper: Energy consumption.', descriptionZh: '白皮书第 3.3.2 节:能耗。',
      sections: ['3.3.2'], evidence: '3.3.2 能耗',
    });
    expect(check(entities).graph.relations.filter((r) => r.type === 'PART_OF' && r.source === 'section-3-3-2')).toEqual([
      { type: 'PART_OF', source: 'section-3-3-2', target: 'section-3-3', section: '3.3.2', evidence: '3.3.2 能耗' },
    ]);
  });

  it('describe an unnumbered part by its title, without aliases', () => {
    expect(byId('section-front')).toEqual({
      id: 'section-front', kind: 'Section', number: 'front', name: 'Cover and copyright notice', nameZh: '封面与版权声明', aliases: [],
      description: 'Cover and copyright notice of the whitepaper: Cover and copyright notice.', descriptionZh: '白皮书的封面与版权声明部分。',
      sections: ['front'], evidence: '2023 智能算力发展白皮书',
    });
  });

  it('describe a part whose number has a digit but does not start with one by its title, as an unnumbered part', () => {
    const sections = madeUpSections([PARTS.background, '  - { id: section-annex2, number: annex2, title: Annex two, titleZh: 附录二, heading: "附录二" }\n']);
    const result = buildSeed('封面。 正文开始 1 背景 文字。 附录二 文字。', [sections]);
    expect(result.problems).toEqual([]);
    expect(result.graph.entities.find((e) => e.id === 'section-annex2')).toMatchObject({
      aliases: [], description: 'Annex two of the whitepaper: Annex two.', descriptionZh: '白皮书的附录二部分。',
    });
  });

  it('finds a Latin name as a whole word only, at the very start of the text too, and quotes its first sentence in a section', () => {
    const sections = madeUpSections([PARTS.background, PARTS.outlook]);
    const mentions = (text: string) => {
      const result = buildSeed(text, [sections, gpuChapter()]);
      expect(result.problems).toEqual([]);
      return result.graph.relations.filter((r) => r.type === 'MENTIONED_IN' && r.source === 'gpu').map((r) => [r.target, r.evidence]);
    };
    // Before the first heading is the first section here (this sections file has no front part).
    expect(mentions('GPU 在封面上。 正文开始 1 背景 别的。 2 展望 别的。')).toEqual([['section-1', 'GPU 在封面上。']]);
    expect(mentions('封面。 正文开始 1 背景 XGPU 不是它。 2 展望 这句的 GPU 是它。又一句 GPU。')).toEqual([['section-2', '这句的 GPU 是它。']]);
    // Only Latin names need word boundaries: a Chinese one between Latin letters is still a mention; GPUX is not GPU.
    expect(mentions('封面。 正文开始 1 背景 用X图形处理器Y。 2 展望 GPUX 不是它。')).toEqual([['section-1', '用X图形处理器Y。']]);
  });

  it('place a figure by its caption in the body, not by the same words in the table of contents', () => {
    expect(byId('figure-10')).toEqual({
      id: 'figure-10', kind: 'Figure', number: '10', name: "Figure 10: China's intelligent computing power, actual and forecast", nameZh: '我国智能算力规模及预测',
      aliases: ['图 10', 'Figure 10'], description: 'Figure 10 of the whitepaper, in section 5.1.', descriptionZh: '白皮书图 10,位于第 5.1 节。',
      sections: ['5.1'], evidence: '图 10 我国智能算力规模及预测',
    });
  });
});

describe('checking chapter files', () => {
  it('keeps the first of two entities with one id, and its declared sections, not the duplicate\'s', () => {
    const first = entities.replace('aliases: [液冷],', 'aliases: [液冷], sections: ["3.3.2"],');
    const duplicate = '  - { id: liquid-cooling, kind: Technology, name: Liquid cooling, nameZh: 液冷技术, sections: ["9.9"], description: x., descriptionZh: x。 }\n';
    expect(problemsOf(check(first + duplicate))).toEqual(['chapters/test.yaml: liquid-cooling: duplicate id: already defined in chapters/test.yaml']);
  });

  it('reports a relation that names a section the document does not have', () => {
    const result = check(`${entities}relations:${relation(', section: "9.9"')}`);
    expect(problemsOf(result)).toEqual(['chapters/test.yaml: ADDRESSES liquid-cooling -> energy-consumption: unknown section "9.9"']);
    expect(result.graph.relations.filter((r) => r.type === 'ADDRESSES')).toEqual([]);
  });

  it('reports a quote that stands in two sections when the relation does not say which', () => {
    const result = check(`${entities}relations:${relation('', 'ADDRESSES', '液冷')}`);
    expect(problemsOf(result)).toEqual([
      'chapters/test.yaml: ADDRESSES liquid-cooling -> energy-consumption: evidence occurs in sections 3.3.2, 5.2: say which with `section`',
    ]);
    expect(result.graph.relations.filter((r) => r.type === 'ADDRESSES')).toEqual([]);
  });

  it('reports a relation written twice and keeps one', () => {
    const result = check(`${entities}relations:${relation()}${relation()}`);
    expect(problemsOf(result)).toEqual([
      'chapters/test.yaml: ADDRESSES liquid-cooling -> energy-consumption: duplicate relation: one per (type, from, to)',
    ]);
    expect(result.graph.relations.filter((r) => r.type === 'ADDRESSES')).toHaveLength(1);
  });

  it('leaves out a relation its kinds do not allow', () => {
    const result = check(`${entities}relations:${relation('', 'DEVELOPED_BY')}`);
    expect(problemsOf(result)).toEqual([
      'chapters/test.yaml: DEVELOPED_BY liquid-cooling -> energy-consumption: DEVELOPED_BY is not allowed from Technology to Challenge',
    ]);
    expect(result.graph.relations.filter((r) => r.type === 'DEVELOPED_BY')).toEqual([]);
  });

  it('names an entry without an id by its list and index', () => {
    const chapter = `${entities}  - { kind: Technology }\nmetrics:\n  - { name: x }\nevents:\n  - { name: x }\nrelations:${relation()}\n  - { from: liquid-cooling }\n`;
    const entries = new Set(check(chapter).problems.map((p) => p.entry));
    expect([...entries]).toEqual(['entities[2]', 'metrics[0]', 'events[0]', 'relations[1]']);
  });

  it('names a relation that fails the schema by its type and ends', () => {
    const chapter = `${entities}relations:\n  - { type: ADDRESSES, from: liquid-cooling, to: energy-consumption }\n`;
    expect(problemsOf(check(chapter))).toEqual(['chapters/test.yaml: ADDRESSES liquid-cooling -> energy-consumption: schema: evidence: Invalid input: expected string, received undefined']);
  });

  it('gives the field path of a schema problem with its parts joined by dots', () => {
    expect(problemsOf(check(`${entities}relations:${relation(', via: [液冷, 7]')}`))).toEqual([
      'chapters/test.yaml: ADDRESSES liquid-cooling -> energy-consumption: schema: via.1: Invalid input: expected string, received number',
    ]);
  });

  it('reports a file that is not valid YAML by the first line of the parser\'s message', () => {
    expect(problemsOf(check('entities:\n  - { id: x\n  - y: [\n'))).toEqual(['chapters/test.yaml: -: not valid YAML: deficient indentation (3:3)']);
  });

  it('reports a file that is not a mapping as a schema problem without a field path', () => {
    expect(problemsOf(check('- a\n- b\n'))).toEqual(['chapters/test.yaml: -: schema: Invalid input: expected object, received array']);
  });

  it('reports a metric region that is not the name of a Region entity', () => {
    const metric = (region: string) => `metrics:
  - { id: metric-icp, name: China's intelligent computing power, nameZh: 我国智能算力规模, value: 41, unit: EFLOPS, indicator: computing-power-scale, source: x, subject: energy-consumption, evidence: "智 能算力规模为 41 EFLOPS", description: x., descriptionZh: x。, asOf: "2023-08", region: ${region} }
`;
    expect(problemsOf(check(entities + metric('Atlantis')))).toEqual(['chapters/test.yaml: metric-icp: region "Atlantis" is not the name of a Region entity']);
    expect(problemsOf(check(entities + metric('液冷技术')))).toEqual(['chapters/test.yaml: metric-icp: region "液冷技术" is not the name of a Region entity']);
  });

  it('leaves out the MEASURES relation of a metric whose subject is unknown, and says so', () => {
    const metric = `metrics:
  - { id: metric-icp, name: China's intelligent computing power, nameZh: 我国智能算力规模, value: 41, unit: EFLOPS, indicator: computing-power-scale, source: x, subject: no-such-thing, evidence: "智 能算力规模为 41 EFLOPS", description: x., descriptionZh: x。, asOf: "2023-08" }
`;
    const result = check(entities + metric);
    expect(problemsOf(result)).toEqual(['chapters/test.yaml: metric-icp: unknown entity "no-such-thing"']);
    expect(result.graph.relations.filter((r) => r.type === 'MEASURES')).toEqual([]);
  });

  it("names a metric's sourceEvidence that is not in the source text as '<id> sourceEvidence'", () => {
    const metric = `metrics:
  - { id: metric-icp, name: China's intelligent computing power, nameZh: 我国智能算力规模, value: 41, unit: EFLOPS, indicator: computing-power-scale, source: x, subject: energy-consumption, evidence: "智 能算力规模为 41 EFLOPS", sourceEvidence: "出处不在原文中", description: x., descriptionZh: x。, asOf: "2023-08" }
`;
    expect(problemsOf(check(entities + metric))).toEqual([
      'chapters/test.yaml: metric-icp sourceEvidence: evidence not found verbatim in source.txt (compared after collapsing whitespace): "出处不在原文中"',
    ]);
  });

  it("names a metric's yearEvidence that is not in the source text as '<id> yearEvidence'", () => {
    const metric = `metrics:
  - { id: metric-icp, name: China's intelligent computing power, nameZh: 我国智能算力规模, value: 41, unit: EFLOPS, indicator: computing-power-scale, source: x, subject: energy-consumption, evidence: "智 能算力规模为 41 EFLOPS", description: x., descriptionZh: x。, year: 2023, yearEvidence: "二〇二三年不在原文中" }
`;
    expect(problemsOf(check(entities + metric))).toEqual([
      'chapters/test.yaml: metric-icp yearEvidence: evidence not found verbatim in source.txt (compared after collapsing whitespace): "二〇二三年不在原文中"',
    ]);
  });

  it('reports an event concerning an unknown entity and relates it only to the entities it knows', () => {
    const event = `events:
  - { id: event-2011-x, name: X, nameZh: 某事, year: 2011, evidence: "2011年,微软和谷歌率先将深度学习技术应用于语音识别", concerns: [no-such-entity, liquid-cooling], description: x., descriptionZh: x。 }
`;
    const result = check(entities + event);
    expect(problemsOf(result)).toEqual(['chapters/test.yaml: event-2011-x: unknown entity "no-such-entity"']);
    expect(result.graph.relations.filter((r) => r.source === 'event-2011-x' && r.type === 'CONCERNS').map((r) => `${r.type} ${r.target}`)).toEqual(['CONCERNS liquid-cooling']);
  });

  it('places metrics and events in the sections of their relations, lists every section in document order, and points every MENTIONED_IN at a Section even where a figure has the same number', () => {
    const { entities, relations } = loadCheckedSeed(SEED_DIR);
    const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
    const mentioned = relations.filter((r) => r.type === 'MENTIONED_IN');
    // Figures 1 to 5 share their numbers with sections 1 to 5.
    expect(mentioned.filter((r) => kindOf.get(r.target) !== 'Section')).toEqual([]);
    expect(mentioned.filter((r) => r.target === 'section-2')).toHaveLength(1);
    const at = (id: string) => [entities.find((e) => e.id === id)!.sections, mentioned.filter((r) => r.source === id).map((r) => r.target)];
    expect(at('metric-global-computing-power-2022')).toEqual([['2.1'], ['section-2-1']]);
    expect(at('event-2011-deep-learning-speech-recognition')).toEqual([['3.1.2'], ['section-3-1-2']]);
    // Sections come in document order, those found through relations (3.2.1 for machine learning) among the others.
    const order = entities.filter((e) => e.kind === 'Section').map((e) => e.number!);
    const outOfOrder = entities.filter((e) => e.sections.some((s, i) => i > 0 && order.indexOf(s) < order.indexOf(e.sections[i - 1])));
    expect(outOfOrder.map((e) => e.id)).toEqual([]);
    expect(entities.find((e) => e.id === 'machine-learning')!.sections.slice(-4)).toEqual(['3.2.1', '3.2.2', '3.3.3', '5.2']);
  });

  it('refuses an entity of a kind that has a list or file of its own (Metric, Event, Section, Figure), saying where it goes', () => {
    for (const kind of ['Metric', 'Event', 'Section', 'Figure']) {
      const entity = `  - { id: misplaced, kind: ${kind}, name: Misplaced, nameZh: 放错, description: x., descriptionZh: x。 }\n`;
      expect(problemsOf(check(entities + entity))).toEqual([
        'chapters/test.yaml: misplaced: schema: kind: metrics go in the `metrics` list, events in the `events` list; sections and figures in entities/sections.yaml',
      ]);
    }
  });

  it('refuses a COUNT that does not say what it counts in both languages, and another unit that does', () => {
    const metric = (extra: string, unit = 'COUNT') => `metrics:
  - { id: metric-icp, name: Servers, nameZh: 服务器数, value: 41, unit: ${unit}, indicator: server-capacity, source: liquid-cooling, subject: energy-consumption, evidence: "智能算力规模为 41 EFLOPS", description: x., descriptionZh: x。${extra} }
`;
    const message = 'chapters/test.yaml: metric-icp: schema: countOf: a COUNT needs countOf and countOfZh (what is counted); other units take neither';
    expect(problemsOf(check(entities + metric(', countOfZh: 台服务器')))).toEqual([message]);
    expect(problemsOf(check(entities + metric(', countOf: servers')))).toEqual([message]);
    expect(problemsOf(check(entities + metric(', countOf: servers, countOfZh: 台服务器', 'EFLOPS')))).toEqual([message]);
  });

  it("gives a metric's unit in Chinese: the counted thing for a COUNT, the unit's own word otherwise", () => {
    // A load of its own, not the suite's shared one: Stryker counts a test as covering the loader only when it runs it.
    const { entities } = loadCheckedSeed(SEED_DIR);
    const byId = (id: string) => entities.find((e) => e.id === id);
    expect(byId('metric-baidu-icc-server-capacity')).toMatchObject({ unitCode: 'COUNT', unit: 'servers', unitZh: '台服务器' });
    expect(byId('metric-global-intelligent-computing-power-share-2022')).toMatchObject({ unitCode: 'PERCENT', unit: '%', unitZh: '%' });
  });

  it('reports an entity that declares a section the document does not have, or one where it does not occur', () => {
    const declaring = (section: string) => entities.replace('aliases: [液冷],', `aliases: [液冷], sections: ["${section}"],`);
    expect(problemsOf(check(declaring('9.9')))).toEqual(['chapters/test.yaml: liquid-cooling: unknown section "9.9"']);
    expect(problemsOf(check(declaring('4.2')))).toEqual([
      'chapters/test.yaml: liquid-cooling: declares section 4.2, but none of its names or relations occur there',
    ]);
  });

  it('reports an exception for a rule that does not exist', () => {
    const exceptions: SeedFile = { path: EXCEPTIONS_FILE, content: 'exceptions:\n  - { rule: no-such-rule, entry: liquid-cooling, reason: x }\n' };
    expect(problemsOf(check(entities, [exceptions]))).toEqual(['exceptions.yaml: liquid-cooling: unknown rule "no-such-rule"']);
  });
});

describe('placing a quote in an unnumbered section', () => {
  it('places a quote the front matter repeats in the body in the section its hint names, the front included', () => {
    const text = '封面 液冷技术降低能耗。 正文开始 1 背景 液冷技术降低能耗。';
    const relation = (section: string) => `relations:\n  - { type: ADDRESSES, from: liquid-cooling, to: energy-consumption, evidence: "液冷技术降低能耗", section: ${section} }\n`;
    const placed = (section: string) => {
      const result = buildSeed(text, [madeUpSections([PARTS.front, PARTS.background]), { path: 'chapters/test.yaml', content: entities + relation(section) }]);
      expect(result.problems).toEqual([]);
      return result.graph.relations.filter((r) => r.type === 'ADDRESSES').map((r) => r.section);
    };
    expect(placed('front')).toEqual(['front']);
    expect(placed('"1"')).toEqual(['1']);
  });
});

describe('applying exceptions', () => {
  const twin = '  - { id: cooling-by-liquid, kind: Technology, name: Liquid Cooling, nameZh: 冷却液, description: x., descriptionZh: x。 }\n';
  const exceptionProblems = (result: { problems: SeedProblem[] }) => problemsOf(result).filter((p) => p.startsWith(`${EXCEPTIONS_FILE}:`));
  const exceptions = (rule: string, entry: string): SeedFile => ({ path: EXCEPTIONS_FILE, content: `exceptions:\n  - { rule: ${rule}, entry: ${entry}, reason: x }\n` });

  it('drops the finding an exception names by rule and entry, and reports no problem with the exception', () => {
    const result = check(entities + twin, [exceptions('twins', 'cooling-by-liquid')]);
    expect(exceptionProblems(result)).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'twins')).toEqual([]);
  });

  it('reports as stale an exception whose entry has no finding of its rule, though that rule found something else', () => {
    const result = check(entities + twin, [exceptions('twins', 'liquid-cooling')]);
    expect(exceptionProblems(result)).toEqual(['exceptions.yaml: liquid-cooling: no twins finding to excuse: remove the exception']);
    expect(result.findings.filter((f) => f.rule === 'twins').map((f) => f.entry)).toEqual(['cooling-by-liquid']);
  });

  it('reports as stale an exception whose entry has a finding only of another rule', () => {
    const result = check(entities + twin, [exceptions('broad-alias', 'cooling-by-liquid')]);
    expect(exceptionProblems(result)).toEqual(['exceptions.yaml: cooling-by-liquid: no broad-alias finding to excuse: remove the exception']);
  });
});

describe('finding mentions', () => {
  /** A two-section document (front matter, then section 1 after "正文开始") that names GPU where `text` puts it. */
  function tinySeed(text: string, contentsStartsAt?: string, aliases = '[]') {
    const result = buildSeed(text, [madeUpSections([PARTS.front, PARTS.background], contentsStartsAt), gpuChapter(aliases)]);
    expect(result.problems).toEqual([]);
    return result.graph.relations.filter((r) => r.type === 'MENTIONED_IN');
  }

  it('counts a Latin name that ends the source text as a mention', () => {
    expect(tinySeed('封面 前言。 正文开始 1 背景 我们使用GPU')).toEqual([
      { type: 'MENTIONED_IN', source: 'gpu', target: 'section-1', section: '1', evidence: '我们使用GPU' },
    ]);
  });

  it('ends a mention\'s quote at the end of its section when no sentence ends before it', () => {
    const result = buildSeed('封面 前言。 正文开始 1 背景 我们使用GPU 2 展望 未来。', [madeUpSections([PARTS.front, PARTS.background, PARTS.outlook]), gpuChapter()]);
    expect(result.problems).toEqual([]);
    expect(result.graph.relations.filter((r) => r.type === 'MENTIONED_IN')).toEqual([
      { type: 'MENTIONED_IN', source: 'gpu', target: 'section-1', section: '1', evidence: '我们使用GPU' },
    ]);
  });

  it('does not take a one-character alias for a mention, but does a two-character one', () => {
    expect(tinySeed('封面 前言。 正文开始 1 背景 图。', undefined, '[图]')).toEqual([]);
    expect(tinySeed('封面 前言。 正文开始 1 背景 图处。', undefined, '[图处]')).toEqual([
      { type: 'MENTIONED_IN', source: 'gpu', target: 'section-1', section: '1', evidence: '图处。' },
    ]);
  });

  it('takes mentions from the front matter when no contentsStartsAt sets a table of contents apart', () => {
    expect(tinySeed('封面 我们使用GPU。 目录 1 背景 正文开始 1 背景 其他。')).toEqual([
      { type: 'MENTIONED_IN', source: 'gpu', target: 'section-front', section: 'front', evidence: '我们使用GPU。' },
    ]);
    // With one, a name in the table of contents is no mention.
    expect(tinySeed('封面 目录 GPU 正文开始 1 背景 其他。', '目录')).toEqual([]);
  });
});

describe('the reasons of support findings', () => {
  it('say a year is in neither the evidence nor the yearEvidence when both are given', () => {
    const metric = `metrics:
  - { id: metric-icp, name: China's intelligent computing power, nameZh: 我国智能算力规模, value: 41, unit: EFLOPS, indicator: computing-power-scale, source: x, subject: energy-consumption, evidence: "智 能算力规模为 41 EFLOPS", description: x., descriptionZh: x。, year: 2023, yearEvidence: "2022 年底" }
`;
    expect(check(entities + metric).findings.find((f) => f.rule === 'year-stated')?.reason).toBe(
      'year 2023 is not in the evidence or yearEvidence: give yearEvidence that states it, or drop it (asOf for a current value)',
    );
  });

  it('name the twin and the shared name, without its language prefix', () => {
    const twin = '  - { id: cooling-by-liquid, kind: Technology, name: Liquid Cooling, nameZh: 冷却液, description: x., descriptionZh: x。 }\n';
    expect(check(entities + twin).findings.filter((f) => f.rule === 'twins')).toEqual([
      { rule: 'twins', entry: 'cooling-by-liquid', reason: 'same name as liquid-cooling: "liquidcooling"' },
    ]);
  });
});
