/** `npx tsx examples/client/main.ts [url]`: asks the questions of questions.ts of a running server and prints the answers. */
import { neighbours, series, whoIs } from './questions.js';

const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
console.log(await whoIs(url, '新华三'));
console.log(await neighbours(url, '金融行业'));
console.log(await series(url, '人工智能渗透度'));
console.log(await series(url, 'computing-power-scale', '智能算力'));
