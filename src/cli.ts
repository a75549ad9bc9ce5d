#!/usr/bin/env node
// `npm run -s cli -- <command> …`: one entry for every command line of verdict-watch.
const commands: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
  parse: async () => (await import('./cli/parse.command.js')).parseCommand,
  'check-claim': async () => (await import('./cli/check-claim.command.js')).checkClaimCommand,
  spikes: async () => (await import('./cli/spikes.command.js')).spikesCommand,
  'news-extract': async () => (await import('./cli/news-extract.command.js')).newsExtractCommand,
  crawl: async () => (await import('./cli/crawl.command.js')).crawlCommand,
  reparse: async () => (await import('./cli/reparse.command.js')).reparseCommand,
  migrate: async () => (await import('./cli/migrate.command.js')).migrateCommand,
};

const [name, ...args] = process.argv.slice(2);
const load = name ? commands[name] : undefined;
if (!load) {
  process.stderr.write(`usage: cli <${Object.keys(commands).join('|')}> [options]\n`);
  process.exit(2);
}
const code = await (await load())(args);
process.exitCode = code;
