/**
 * A minimal Bolt 5.0 server for tests: enough of the protocol (handshake, chunking, PackStream) for the official
 * driver to connect, authenticate and run a transaction, answering each statement from a table. It executes no
 * Cypher; it lets tests watch the real driver lose and regain a server.
 */
import { createServer, type Server, type Socket } from 'node:net';

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

function encode(value: Value): Buffer {
  if (value === null) return Buffer.from([0xc0]);
  if (typeof value === 'boolean') return Buffer.from([value ? 0xc3 : 0xc2]);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= -16 && value < 128) return Buffer.from([value & 0xff]);
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) {
      const b = Buffer.alloc(5);
      b[0] = 0xca;
      b.writeInt32BE(value, 1);
      return b;
    }
    const b = Buffer.alloc(9);
    b[0] = 0xc1;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    const head = bytes.length < 16 ? Buffer.from([0x80 + bytes.length]) : bytes.length < 256 ? Buffer.from([0xd0, bytes.length]) : Buffer.from([0xd1, bytes.length >> 8, bytes.length & 0xff]);
    return Buffer.concat([head, bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([Buffer.from([0x90 + value.length]), ...value.map(encode)]);
  const entries = Object.entries(value);
  return Buffer.concat([Buffer.from([0xa0 + entries.length]), ...entries.flatMap(([k, v]) => [encode(k), encode(v)])]);
}

/** One Bolt message, chunked: a struct of `fields` with tag `signature`. */
function message(signature: number, ...fields: Value[]): Buffer {
  const body = Buffer.concat([Buffer.from([0xb0 + fields.length, signature]), ...fields.map(encode)]);
  const size = Buffer.alloc(2);
  size.writeUInt16BE(body.length);
  return Buffer.concat([size, body, Buffer.from([0, 0])]);
}

const SUCCESS = 0x70;
const RECORD = 0x71;
const HELLO = 0x01;
const GOODBYE = 0x02;
const RUN = 0x10;
const PULL = 0x3f;

/** The first field of a client message when it is a string (RUN's query). */
function firstString(body: Buffer): string | undefined {
  const marker = body[2];
  if (marker >= 0x80 && marker <= 0x8f) return body.subarray(3, 3 + (marker - 0x80)).toString('utf8');
  if (marker === 0xd0) return body.subarray(4, 4 + body[3]).toString('utf8');
  if (marker === 0xd1) return body.subarray(5, 5 + body.readUInt16BE(3)).toString('utf8');
  if (marker === 0xd2) return body.subarray(7, 7 + body.readUInt32BE(3)).toString('utf8');
  return undefined;
}

export interface Answer {
  fields: string[];
  rows: Value[][];
}

export class FakeBolt {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  /** Queries received, in order. */
  readonly queries: string[] = [];

  constructor(private readonly answer: (query: string) => Answer) {}

  async listen(port: number): Promise<void> {
    this.server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private serve(socket: Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let shookHands = false;
    let pending: Answer | undefined;
    let body = Buffer.alloc(0);
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!shookHands) {
        if (buffer.length < 20) return;
        buffer = buffer.subarray(20);
        shookHands = true;
        socket.write(Buffer.from([0, 0, 0, 5])); // Bolt 5.0
      }
      while (buffer.length >= 2) {
        const size = buffer.readUInt16BE(0);
        if (buffer.length < 2 + size) return;
        const chunk = buffer.subarray(2, 2 + size);
        buffer = buffer.subarray(2 + size);
        if (size > 0) {
          body = Buffer.concat([body, chunk]);
          continue;
        }
        const signature = body[1];
        if (signature === HELLO) socket.write(message(SUCCESS, { server: 'Neo4j/5.26.0', connection_id: 'bolt-1' }));
        else if (signature === GOODBYE) socket.end();
        else if (signature === RUN) {
          const query = firstString(body) ?? '';
          this.queries.push(query);
          pending = this.answer(query);
          socket.write(message(SUCCESS, { fields: pending.fields, t_first: 0 }));
        } else if (signature === PULL) {
          for (const row of pending?.rows ?? []) socket.write(message(RECORD, row));
          socket.write(message(SUCCESS, { type: 'r', t_last: 0, db: 'neo4j' }));
        } else socket.write(message(SUCCESS, {}));
        body = Buffer.alloc(0);
      }
    });
  }
}
