import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { buildApp, type BuiltApp } from '../../src/api/app';
import { ROOT_KEY, startServer, TEST_REGION, type TestServer } from './server';

/**
 * Several Plumbline instances on one PostgreSQL database, as behind a load balancer:
 * the first is a TestServer (which owns the database), the others apps built with
 * its settings. They share nothing but the database: every cache is the instance's own.
 */
export interface Instances {
  first: TestServer;
  urls: string[];
  /** The instance at `index` as a TestServer (for the admin helpers). */
  at(index: number): TestServer;
  /** A client whose every call goes to the next instance in turn. */
  roundRobin(credentials?: { accessKeyId: string; secretAccessKey: string }): WellArchitectedClient;
  close(): Promise<void>;
}

export async function startInstances(count: number, env: Record<string, string> = {}): Promise<Instances> {
  const first = await startServer('postgres', env);
  const others: Array<{ built: BuiltApp; url: string }> = [];
  for (let i = 1; i < count; i++) {
    const built = await buildApp({ config: first.config });
    others.push({ built, url: await built.app.listen({ host: '127.0.0.1', port: 0 }) });
  }
  const urls = () => [first.url, ...others.map((o) => o.url)];
  const at = (index: number): TestServer => (index === 0 ? first : ({ ...first, url: others[index - 1].url, built: others[index - 1].built, clientFor: clientAt(others[index - 1].url) } as TestServer));
  const clientAt = (url: string) => (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new WellArchitectedClient({ endpoint: url, region: TEST_REGION, credentials, maxAttempts: 1 });
  return {
    first,
    get urls() {
      return urls();
    },
    at,
    roundRobin: (credentials = ROOT_KEY) => {
      const client = clientAt(first.url)(credentials);
      let next = 0;
      // Before signing (the build step precedes it), so each request is signed for the instance it goes to.
      client.middlewareStack.add(
        (handler) => (args) => {
          const request = args.request as { port?: number; hostname?: string };
          const target = new URL(urls()[next++ % count]);
          request.port = Number(target.port);
          request.hostname = target.hostname;
          return handler(args);
        },
        { step: 'build', name: 'roundRobinInstances' },
      );
      return client;
    },
    close: async () => {
      for (const other of others) await other.built.app.close();
      await first.close();
    },
  };
}
