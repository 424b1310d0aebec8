import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowedNetworks } from '@capacites/config';
import { sendOutbound } from '../outbound-request';

const request = (url: string) => ({ method: 'POST' as const, url, headers: {}, body: '{}' });

describe('An outbound request carries no secret in clear over the internet', () => {
  it('refuses plain http to a public address before connecting, and says why', async () => {
    const result = await sendOutbound(request('http://93.184.216.34/hooks'), {
      allowedNetworks: [],
      timeoutMs: 2000,
    });
    expect(result).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'plain http refused: 93.184.216.34 is a public address (https required)',
    });
  });

  it('still sends plain http to a network the platform allows (an internal receiver)', async () => {
    const server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((ready) => server.listen(0, '127.0.0.2', ready));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await sendOutbound(request(`http://127.0.0.2:${port}/hooks`), {
        allowedNetworks: parseAllowedNetworks('127.0.0.2/32'),
        timeoutMs: 5000,
      });
      expect(result).toMatchObject({ ok: true, statusCode: 204 });
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
