import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Env } from '../../src/config/env.schema.js';

// The repository root, whether this runs from test/ (Jest) or from dist/test/ (benches).
const root = import.meta.dirname.replace(/[\\/](dist[\\/])?test[\\/]support$/, '');

/** A real worker process (`node dist/src/main.js`, ROLE=worker) on the test's database and queues. */
export function spawnWorker(env: Env, extra: Record<string, string> = {}): ChildProcess {
  return spawnDist(env, 'main.js', [], { ROLE: 'worker', ...extra });
}

/** `node dist/src/<script> …args` with the test's settings (e.g. `cli.js crawl …`, or `main.js` with ROLE=all). */
export function spawnDist(env: Env, script: string, args: string[] = [], extra: Record<string, string> = {}): ChildProcess {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    vars[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  const child = spawn(process.execPath, [join(root, 'dist', 'src', script), ...args], {
    // The same heap cap as `npm start`: V8 otherwise grows the heap long before it collects.
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '--max-old-space-size=192', ...vars, LOG_LEVEL: 'error', ...extra },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function stopWorker(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await exited(child);
}
