import type { Server } from 'node:net';
import { performance } from 'node:perf_hooks';

// A turn of the event loop this long or longer accepts at most 200 connections a second.
const SLOW_TURN_MS = 5;
// Fewer open connections than this are ordinary clients, however busy: no flood to queue behind.
export const FLOOD_CONNECTIONS = 128;

/**
 * Tells when clients are queueing to connect. Node accepts one new connection per turn
 * of its event loop (libuv since 1.45), and a turn serves every connection it holds that
 * has a request waiting. Under a flood the clients already connected are served turn
 * after turn while new ones wait in the kernel's queue, one admitted per turn, for
 * seconds. A connection accepted in turn after turn means that queue is there; with
 * slow turns, answers then close their connections (the pipeline), so that served
 * clients queue up again behind those waiting, in the order they connect, and turns
 * stay short. Watching costs one setImmediate per turn, and only while connections are
 * being accepted.
 *
 * Only a flood counts: with fewer than FLOOD_CONNECTIONS open, closing answers would
 * make a busy server's few keep-alive clients (a load balancer, a benchmark's 32
 * connections) reconnect for every call, and their reconnections would keep the watch
 * saying "queueing" for as long as the server stays busy.
 */
export class AcceptWatch {
  private acceptedThisTurn = 0;
  private turnsInARow = 0;
  private turnStartedAt = 0;
  private lastTurnMs = 0;
  private watching = false;
  private open = 0;

  constructor(server: Server, private readonly floodConnections = FLOOD_CONNECTIONS) {
    server.on('connection', (socket) => {
      this.open++;
      socket.once('close', () => this.open--);
      this.acceptedThisTurn++;
      if (this.watching) return;
      this.watching = true;
      this.turnStartedAt = performance.now();
      setImmediate(this.turnEnded);
    });
  }

  // Runs once per turn (the check phase, after the turn's I/O) while connections keep coming.
  private readonly turnEnded = (): void => {
    const now = performance.now();
    this.lastTurnMs = now - this.turnStartedAt;
    this.turnStartedAt = now;
    if (this.acceptedThisTurn) {
      this.turnsInARow++;
      this.acceptedThisTurn = 0;
      setImmediate(this.turnEnded);
    } else {
      this.turnsInARow = 0;
      this.watching = false;
    }
  };

  /** Clients are waiting to connect and turns are slow: served connections should be closed. */
  backlogged(): boolean {
    return this.open >= this.floodConnections && this.turnsInARow >= 2 && this.lastTurnMs >= SLOW_TURN_MS;
  }
}
