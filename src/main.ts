import { buildApp } from './api/app';
import { loadConfig } from './config';

const config = loadConfig();
const { app, rootCredentials } = await buildApp({ config, logger: { level: config.logLevel } });
const address = await app.listen({ host: config.host, port: config.port });
process.stdout.write(`Plumbline listening on ${address} (store: ${config.databaseUrl ? 'PostgreSQL' : 'SQLite in ' + config.dataDir})\n`);
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
const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
