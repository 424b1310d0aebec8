import { createSocket } from 'node:dgram';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** How the receiver answers one request: a status (and body), or held until released. */
export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hold';

/**
 * A real HTTP server on loopback standing for an organisation's receiver (or a chat service):
 * it keeps every request it saw, raw body included, and answers as the test says.
 */
export async function startReceiver(
  host: string,
  answer: (request: ReceivedRequest, seen: ReceivedRequest[]) => Answer = () => ({ status: 204 }),
) {
  const requests: ReceivedRequest[] = [];
  const held: ServerResponse[] = [];
  let respond = answer;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const reply = respond(received, requests);
      if (reply === 'hold') {
        held.push(res);
        return;
      }
      res.writeHead(reply.status, reply.headers ?? { 'content-type': 'text/plain' });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((ready) => server.listen(0, host, ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/hooks') => `http://${host}:${port}${path}`,
    port,
    requests,
    held,
    answerWith(next: typeof answer) {
      respond = next;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * A tiny DNS server on loopback (UDP), answering A records from a table that the test may
 * change between two questions (DNS rebinding); AAAA questions get no answer, unknown names
 * NXDOMAIN. Enough for Node's resolver (c-ares) set to it.
 */
export async function startDnsServer(records: Record<string, string[]>) {
  const socket = createSocket('udp4');
  const asked: string[] = [];
  socket.on('message', (query, remote) => {
    let offset = 12;
    const labels: string[] = [];
    while (query[offset] !== 0) {
      const length = query[offset];
      labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'));
      offset += length + 1;
    }
    const questionEnd = offset + 5;
    const type = query.readUInt16BE(offset + 1);
    const name = labels.join('.').toLowerCase();
    asked.push(`${name}/${type}`);
    const known = name in records;
    const addresses = known && type === 1 ? records[name] : [];
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    header.writeUInt16BE(known ? 0x8180 : 0x8183, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(addresses.length, 6);
    const answers = addresses.map((address) => {
      const answer = Buffer.alloc(16);
      answer.writeUInt16BE(0xc00c, 0);
      answer.writeUInt16BE(1, 2);
      answer.writeUInt16BE(1, 4);
      answer.writeUInt32BE(0, 6);
      answer.writeUInt16BE(4, 10);
      address.split('.').forEach((part, i) => answer.writeUInt8(Number(part), 12 + i));
      return answer;
    });
    socket.send(
      Buffer.concat([header, query.subarray(12, questionEnd), ...answers]),
      remote.port,
      remote.address,
    );
  });
  await new Promise<void>((ready) => socket.bind(0, '127.0.0.1', ready));
  const { port } = socket.address();
  return {
    server: `127.0.0.1:${port}`,
    records,
    asked,
    close: () => new Promise<void>((done) => socket.close(() => done())),
  };
}
