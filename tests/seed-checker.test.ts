import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSeed, SECTIONS_FILE, type SeedFile } from '../src/seed/load.js';
import { SEED_DIR, realSeed } from './helpers.js';

const source = readFileSync(join(SEED_DIR, 'source.txt'), 'utf8');
const sections: SeedFile = { path: SECTIONS_FILE, content: readFileSync(join(SEED_DIR, SECTIONS_FILE), 'utf8') };

const liquidCooling = `
  - id: liquid-cooling
    kind: Technology
    name: Liquid cooling
    nameZh: 液冷技术
    aliases: [液冷]
    description: Cooling servers with liquid.
    descriptionZh: 以液体为服务器散热的技术。`;
const energy = `
  - id: energy-consumption
    kind: Challenge
    name: Energy consumption
    nameZh: 能耗
    description: AI consumes a lot of energy.
    descriptionZh: 人工智能算法高算力需求导致大量能源消耗。`;
const goodRelation = `
  - { type: ADDRESSES, from: liquid-cooling, to: energy-consumption, evidence: "推动数据中心采用液冷技术来满足服务器大功耗高密度部署带来的散热需求" }`;

function check(chapter: string) {
  return buildSeed(source, [sections, { path: 'chapters/test.yaml', content: chapter }]);
}

function reasons(chapter: string): string[] {
  return check(chapter).problems.map((p) => `${p.file}: ${p.entry}: ${p.reason}`);
}

describe('the seed checker', () => {
  it('accepts a small valid seed and derives the relation section from where the quote stands', () => {
    const { graph, problems } = check(`entities:${liquidCooling}${energy}\nrelations:${goodRelation}`);
    expect(problems).toEqual([]);
    const addresses = graph.relations.find((r) => r.type === 'ADDRESSES');
    expect(addresses).toMatchObject({ source: 'liquid-cooling', target: 'energy-consumption', section: '3.3.2' });
    expect(graph.entities.find((e) => e.id === 'liquid-cooling')?.sections).toEqual(['3.3.2', '5.2']);
  });

  it('reports a schema violation with the file, the entry and the missing field', () => {
    const broken = liquidCooling.replace('    nameZh: 液冷技术\n', '');
    expect(reasons(`entities:${broken}`)).toContainEqual(expect.stringMatching(/^chapters\/test\.yaml: liquid-cooling: schema: nameZh: /));
  });

  it('reports an unknown entity kind as a schema violation', () => {
    expect(reasons(`entities:${liquidCooling.replace('kind: Technology', 'kind: Gadget')}`)).toContainEqual(
      expect.stringMatching(/liquid-cooling: schema: kind: /),
    );
  });

  it('reports a duplicate id', () => {
    expect(reasons(`entities:${liquidCooling}${liquidCooling}`)).toContain(
      'chapters/test.yaml: liquid-cooling: duplicate id: already defined in chapters/test.yaml',
    );
  });

  it('reports an alias that stands for two entities', () => {
    const clash = energy.replace('nameZh: 能耗', 'nameZh: 能耗\n    aliases: [液冷]');
    expect(reasons(`entities:${liquidCooling}${clash}`)).toContain(
      'chapters/test.yaml: energy-consumption: name or alias "液冷" clashes with liquid-cooling',
    );
  });

  it('reports a relation whose end does not exist', () => {
    expect(reasons(`entities:${liquidCooling}\nrelations:${goodRelation}`)).toContain(
      'chapters/test.yaml: ADDRESSES liquid-cooling -> energy-consumption: unknown entity "energy-consumption"',
    );
  });

  it('reports a relation type that is not allowed between the two kinds', () => {
    const wrong = goodRelation.replace('type: ADDRESSES', 'type: DEVELOPED_BY');
    expect(reasons(`entities:${liquidCooling}${energy}\nrelations:${wrong}`)).toContain(
      'chapters/test.yaml: DEVELOPED_BY liquid-cooling -> energy-consumption: DEVELOPED_BY is not allowed from Technology to Challenge',
    );
  });

  it('reports a relation from an entity to itself', () => {
    const loop = `\n  - { type: IS_A, from: liquid-cooling, to: liquid-cooling, evidence: "液冷技术" }`;
    expect(reasons(`entities:${liquidCooling}\nrelations:${loop}`)).toContain(
      'chapters/test.yaml: IS_A liquid-cooling -> liquid-cooling: a relation must join two different entities',
    );
  });

  it('reports a relation type that the loader derives', () => {
    const derived = goodRelation.replace('type: ADDRESSES', 'type: MENTIONED_IN');
    expect(reasons(`entities:${liquidCooling}${energy}\nrelations:${derived}`)).toContainEqual(
      expect.stringContaining('MENTIONED_IN is derived by the loader and may not be written in seed files'),
    );
  });

  it('reports an evidence quote that is not verbatim', () => {
    const paraphrased = goodRelation.replace('推动数据中心采用液冷技术', '推动数据中心使用液冷技术');
    expect(reasons(`entities:${liquidCooling}${energy}\nrelations:${paraphrased}`)).toContainEqual(
      expect.stringContaining('evidence not found verbatim in source.txt'),
    );
  });

  it('accepts a quote whose line breaks differ from the source but rejects one that drops a stray space', () => {
    // The source reads "首先是芯片能耗, 人工智能训练" with a stray space after the comma.
    const withBreak = `\n  - { type: ADDRESSES, from: liquid-cooling, to: energy-consumption, evidence: "首先是芯片能耗,\\n   人工智能训练和推理需要大量的计算资源" }`;
    expect(reasons(`entities:${liquidCooling}${energy}\nrelations:${withBreak}`)).toEqual([]);
    const squeezed = withBreak.replace(',\\n   ', ',');
    expect(reasons(`entities:${liquidCooling}${energy}\nrelations:${squeezed}`)).toContainEqual(
      expect.stringContaining('evidence not found verbatim'),
    );
  });

  it('reports a quote that does not stand in the section the relation names', () => {
    const misplaced = goodRelation.replace(' }', ', section: "4.2" }');
    expect(reasons(`entities:${liquidCooling}${energy}\nrelations:${misplaced}`)).toContain(
      'chapters/test.yaml: ADDRESSES liquid-cooling -> energy-consumption: evidence occurs in section 3.3.2, not in section 4.2',
    );
  });

  it('reports a metric without a unit (a metric without a year is a support finding: tests/seed-support.test.ts)', () => {
    const metric = (extra: string) => `
  - id: metric-test
    name: Test metric
    nameZh: 测试指标
    description: A number.
    descriptionZh: 一个数字。
    value: 142
    source: IDC
    subject: energy-consumption
    evidence: "智能算力规模为142 EFLOPS"
    indicator: computing-power-scale${extra}`;
    expect(reasons(`entities:${energy}\nmetrics:${metric('\n    year: 2022')}`)).toContain(
      'chapters/test.yaml: metric-test: schema: unit: a metric needs a unit, one of EFLOPS, PERCENT, SCORE, RANK, TIMES, YEARS, ZB, TBPS, GBPS, USD_100M, USD_10K, COUNT',
    );
    expect(reasons(`entities:${energy}\nmetrics:${metric('\n    unit: EFLOPS\n    year: 2022')}`)).toEqual([]);
  });

  it('takes no mentions from the table of contents or the list of figures', () => {
    const mentions = realSeed().relations.filter((r) => r.type === 'MENTIONED_IN' && r.target === 'section-preface');
    // Chapter 4's trend headings stand in the table of contents, between the preface and the body; not in the preface.
    expect(mentions.map((r) => r.source)).not.toContain('trend-model-scale-expansion');
    expect(mentions.every((r) => !r.evidence.includes('目 录') && !r.evidence.includes('图目录'))).toBe(true);
    expect(mentions.map((r) => r.source)).toContain('digital-economy');
  });

  it('reports a file that is not valid YAML', () => {
    expect(reasons('entities: [unclosed')).toContainEqual(expect.stringMatching(/^chapters\/test\.yaml: -: not valid YAML/));
  });

  it('makes npm run seed:check exit non-zero and print file, entry and reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    cpSync(join(SEED_DIR, 'entities'), join(dir, 'entities'), { recursive: true });
    cpSync(join(SEED_DIR, 'source.txt'), join(dir, 'source.txt'));
    mkdirSync(join(dir, 'chapters'));
    writeFileSync(join(dir, 'chapters', 'broken.yaml'), `relations:\n  - { type: USES, from: metaverse, to: no-such-thing, evidence: "元宇宙" }\n`);
    const run = promisify(execFile)('npx', ['tsx', 'src/seed/check.ts', dir], { cwd: join(SEED_DIR, '..') });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('chapters/broken.yaml: USES metaverse -> no-such-thing: unknown entity "no-such-thing"'),
    });
  });
});
