// Runs the court-site simulator on its own:
//   node dist/test/simulator/main.js --port 4010 --seed 7 --courts 20 --from 2023-01-01 --to 2023-12-31
//     [--now 2024-01-15] [--lag 14] [--articles 337,338] [--mean 1.7] [--latency 50 | 20-200] [--truth truth.json]
//     [--behaviour 25GV0001=captcha --behaviour 27GV0001=flaky:5 --behaviour 25GV0004=slow:3000] [--loose-forms]
// Courts answer at http://127.0.0.1:<port>/<CODE>/modules.php?…; GET / lists them, GET /__sim/truth
// returns the ground truth, GET /__sim/captcha/<CODE> the current captcha answer.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseBehaviour, type BehaviourSpec } from './behaviours.js';
import { startCourtSimulator } from './court-simulator.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      courts: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      now: { type: 'string' },
      lag: { type: 'string' },
      articles: { type: 'string' },
      mean: { type: 'string' },
      latency: { type: 'string' },
      truth: { type: 'string' },
      behaviour: { type: 'string', multiple: true },
      'loose-forms': { type: 'boolean', default: false },
    },
  });
  if (!values.from || !values.to) throw new Error('--from and --to (ISO dates) are required');
  const behaviours: Record<string, BehaviourSpec> = {};
  for (const item of values.behaviour ?? []) {
    const [code, spec] = item.split('=');
    if (!code || !spec) throw new Error(`--behaviour wants CODE=kind[:arg], got ${item}`);
    behaviours[code] = parseBehaviour(spec);
  }
  const courts = values.courts === undefined ? undefined : /^\d+$/.test(values.courts) ? Number(values.courts) : values.courts.split(',');
  const sim = await startCourtSimulator({
    seed: Number(values.seed),
    courts,
    from: values.from,
    to: values.to,
    now: values.now,
    port: Number(values.port),
    host: values.host,
    publicationLagDays: values.lag === undefined ? undefined : Number(values.lag),
    articles: values.articles?.split(','),
    meanWeeklyCases: values.mean === undefined ? undefined : Number(values.mean),
    behaviours,
    strictForms: !values['loose-forms'],
    latencyMs: values.latency === undefined ? undefined : values.latency.includes('-') ? { min: Number(values.latency.split('-')[0]), max: Number(values.latency.split('-')[1]) } : Number(values.latency),
  });
  if (values.truth) await writeFile(values.truth, JSON.stringify(sim.truth(), null, 1));
  console.log(JSON.stringify({ url: sim.url, now: sim.now, ...sim.stats(), example: sim.baseUrlFor(sim.courts[0]!.code) }));
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
