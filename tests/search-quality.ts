/**
 * The search-quality table: queries a user would type, each with the top hit it must give (null: no hit at all).
 * tests/search-quality.test.ts checks every row on both stores; the README shows the table with the actual answers.
 */
import type { EntityKind } from '../src/graph/types.js';

export interface QualityCase {
  text: string;
  kinds?: EntityKind[];
  /** The expected first hit's id, or null when the text names nothing in the graph. */
  top: string | null;
  /** What the row tests. */
  why: string;
}

export const SEARCH_QUALITY: QualityCase[] = [
  { text: 'GPU', top: 'gpu', why: 'English name' },
  { text: 'ＧＰＵ', top: 'gpu', why: 'full-width Latin' },
  { text: 'gpus', top: 'gpu', why: 'plural alias, lower case' },
  { text: '液冷', top: 'liquid-cooling', why: 'Chinese alias' },
  { text: '液冷技术', top: 'liquid-cooling', why: 'Chinese name' },
  { text: 'cooling', top: 'liquid-cooling', why: 'the head word: liquid cooling is a cooling, a cooling system is not' },
  { text: 'liqid cooling', top: 'liquid-cooling', why: 'one typo' },
  { text: 'liquid cool', top: 'liquid-cooling', why: 'unfinished word (prefix)' },
  { text: 'LLM', top: 'large-models', why: 'common English abbreviation' },
  { text: 'large language models', top: 'large-models', why: 'common English term' },
  { text: '大模型', top: 'large-models', why: 'Chinese name' },
  { text: 'AI 芯片', top: 'ai-chip', why: 'mixed English and Chinese' },
  { text: 'AI芯片', top: 'ai-chip', why: 'mixed, no space' },
  { text: '人工智能', top: 'artificial-intelligence', why: 'Chinese name' },
  { text: 'AI', top: 'artificial-intelligence', why: 'two-letter alias' },
  { text: 'artifical inteligence', top: 'artificial-intelligence', why: 'a typo in each word' },
  { text: 'machne learning', top: 'machine-learning', why: 'typo, and the name is also a section' },
  { text: 'deep lerning', top: 'deep-learning', why: 'typo' },
  { text: 'nvida', top: 'nvidia', why: 'typo in a brand' },
  { text: 'metavers', top: 'metaverse', why: 'unfinished word' },
  { text: '元宇宙', top: 'metaverse', why: 'Chinese name' },
  { text: 'edge comp', top: 'edge-computing', why: 'two unfinished words' },
  { text: '边缘计算', top: 'edge-computing', why: 'Chinese name' },
  { text: 'computing', top: 'edge-computing', why: 'a head word shared by many: the shortest name first' },
  { text: '智能算力', top: 'intelligent-computing-power', why: 'the whitepaper\'s subject' },
  { text: 'intelligent computing power', top: 'intelligent-computing-power', why: 'English name' },
  { text: '新华三', top: 'h3c', why: 'Chinese alias of an organisation' },
  { text: 'new h3c', top: 'h3c', why: 'alias, case-insensitive' },
  { text: 'facebook', top: 'meta', why: 'former name as alias' },
  { text: 'data center', top: 'data-center', why: 'American spelling' },
  { text: 'datacenter', top: 'data-center', why: 'one-word spelling' },
  { text: '数据中心', top: 'data-center', why: 'Chinese name' },
  { text: 'energy consumption', top: 'energy-consumption', why: 'challenge by English name' },
  { text: 'chip', top: 'ai-chip', why: 'a word of several names: the closest' },
  { text: 'AIGC', top: 'aigc', why: 'abbreviation' },
  { text: 'ChatGPT 大模型', top: null, why: 'no entity holds both words' },
  { text: '东数西算', top: null, why: 'absent from the whitepaper; its characters are everywhere' },
  { text: '算力网络', top: null, why: 'absent from the whitepaper; 算力 and 网络 are not one name' },
  { text: 'blockchain bitcoin', top: null, why: 'one word matches, the other nowhere' },
  { text: 'the', top: null, why: 'a stop word alone' },
  { text: '的', top: null, why: 'a common Chinese character alone' },
  { text: 'quantum supremacy', top: null, why: 'absent English term' },
  { text: '能耗', kinds: ['Challenge'], top: 'energy-consumption', why: 'kind filter' },
  { text: 'cooling', kinds: ['Hardware'], top: 'cooling-system', why: 'kind filter changes the top hit' },
  { text: '数据', kinds: ['Challenge'], top: 'personal-data-leakage', why: 'kind filter on a common word: 数据泄露 begins with it' },
  { text: 'GPU', kinds: ['Trend'], top: 'trend-cpu-to-gpu-shift', why: 'kind filter reaches an alias word' },
  { text: '深度学习', kinds: ['Section'], top: 'section-3-1-2', why: 'sections are searchable by title' },
];
