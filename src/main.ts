import { Logger } from '@nestjs/common';
import { InvalidConfigError, loadEnv } from './config/load-env.js';

try {
  const env = loadEnv();
  // Loaded after the settings are known good: processors read their worker options at import.
  const { startService } = await import('./service.js');
  const service = await startService(env);
  new Logger('verdict-watch').log(`role ${env.ROLE}${service.url ? `, serving ${service.url}` : ''}`);
} catch (err) {
  if (err instanceof InvalidConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
