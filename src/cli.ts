#!/usr/bin/env node
// `npm run -s cli -- <command> …`: one entry for every command line of verdict-watch.
import { InvalidConfigError } from './config/load-env.js';

const commands: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
  parse: async () => (await import('./cli/parse.command.js')).parseCommand,
  'check-claim': async () => (await import('./cli/check-claim.command.js')).checkClaimCommand,
  spikes: async () => (await import('./cli/spikes.command.js')).spikesCommand,
  'news-extract': async () => (await import('./cli/news-extract.command.js')).newsExtractCommand,
  crawl: async () => (await import('./cli/crawl.command.js')).crawlCommand,
  reparse: async () => (await import('./cli/reparse.command.js')).reparseCommand,
  migrate: async () => (await import('./cli/migrate.command.js')).migrateCommand,
  'move-data': async () => (await import('./cli/move-data.command.js')).moveDataCommand,
};

const [name, ...args] = process.argv.slice(2);
const load = name ? commands[name] : undefined;
if (!load) {
  process.stderr.write(`usage: cli <${Object.keys(commands).join('|')}> [options]\n`);
  process.exit(2);
}
try {
  process.exitCode = await (await load())(args);
} catch (err) {
  // A bad setting, or the embedded database held by another process: the message says what to do.
  if (!(err instanceof InvalidConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 2;
}
