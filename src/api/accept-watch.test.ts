import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AcceptWatch } from './accept-watch';

/** Node accepts one connection per turn of the event loop; the watch tells when a queue of them builds up behind slow turns. */

/** Ten clients connecting at once to a server whose every turn spends 10 ms (a busy server's turn): what the watch said at each. */
async function tenAtOnce(floodConnections?: number) {
  const server = createServer();
  const watch = new AcceptWatch(server, floodConnections);
  const seen: boolean[] = [];
  server.on('connection', () => {
    const until = performance.now() + 10;
    while (performance.now() < until);
    seen.push(watch.backlogged());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const clients: Socket[] = [];
  await Promise.all(Array.from({ length: 10 }, () => new Promise<void>((resolve) => clients.push(connect(port, '127.0.0.1', () => resolve())))));
  while (seen.length < 10) await new Promise((resolve) => setTimeout(resolve, 10));
  const close = async () => {
    for (const client of clients) client.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return { watch, seen, close };
}

describe('AcceptWatch', () => {
  it('is backlogged while connections are accepted turn after turn and the turns are slow, and not once they are all in', async () => {
    // A flood of one connection, so that ten make the test's flood.
    const { watch, seen, close } = await tenAtOnce(1);
    // The first connections find no queue yet; later ones, accepted one a turn behind slow turns, do.
    expect(seen.slice(0, 2)).toEqual([false, false]);
    expect(seen.slice(-3)).toEqual([true, true, true]);
    // A turn with nothing to accept ends it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watch.backlogged()).toBe(false);
    await close();
  });

  it('never counts fewer than a flood of open connections as a queue, however slow the turns', async () => {
    const { seen, close } = await tenAtOnce();
    expect(seen).toEqual(Array(10).fill(false));
    await close();
  });
});
