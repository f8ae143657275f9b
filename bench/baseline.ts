/** The bench's baseline: a bare node:http server answering every request with the bytes of one file. Prints its URL. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const bytes = readFileSync(process.argv[2]);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`baseline ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
process.on('SIGTERM', () => process.exit(0));
