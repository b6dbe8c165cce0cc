import { loadConfig } from './config';
import { runWorkers } from './server/cluster';

const config = loadConfig();
// PLUMBLINE_WORKERS=N: N processes share the port (src/server/cluster.ts); 1 runs in this process.
await runWorkers(config, (address, built) => {
  process.stdout.write(`Plumbline listening on ${address} (store: ${config.databaseUrl ? 'PostgreSQL' : 'SQLite in ' + config.dataDir})\n`);
  const { rootCredentials } = built;
  if (rootCredentials.generated) {
    // Printed once, on the start that created them; they are also in the data directory (mode 0600).
    process.stdout.write(
      [
        '',
        'Plumbline generated root credentials for account ' + config.accountId + ':',
        `  AWS_ACCESS_KEY_ID=${rootCredentials.accessKeyId}`,
        `  AWS_SECRET_ACCESS_KEY=${rootCredentials.secretAccessKey}`,
        `They are stored in ${config.dataDir}/root-credentials.json (mode 0600). This is the only time they are printed.`,
        '',
      ].join('\n') + '\n',
    );
  }
});
