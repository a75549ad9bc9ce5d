import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { militaryCourts } from '../scrapers/sudrf/court-registry.js';
import type { Env } from '../src/config/env.schema.js';
import { CrawlScheduler } from '../src/crawling/crawl.scheduler.js';
import { QueueName } from '../src/crawling/queue-names.js';
import type { RunningService } from '../src/service.js';
import { resetState, startTestService, testEnv } from './support/test-service.js';

const codes = militaryCourts.slice(0, 5).map((c) => c.code);
const schedulerOnly = { api: false, worker: false, scheduler: true };

describe('two scheduler replicas', () => {
  let env: Env;
  let a: RunningService;
  let b: RunningService;

  beforeAll(async () => {
    env = testEnv('replicas', { CRAWL_COURTS: codes.join(','), CRAWL_SCHEDULE: '0 3 * * *' });
    await resetState(env);
    [a, b] = await Promise.all([startTestService(env, schedulerOnly), startTestService(env, schedulerOnly)]);
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('enqueue one crawl per court for a slot, however many replicas tick', async () => {
    const slot = new Date('2026-11-26T03:00:00.004Z');
    await Promise.all([a.app.get(CrawlScheduler).tick(slot), b.app.get(CrawlScheduler).tick(new Date(slot.getTime() + 40))]);
    const queue = a.app.get<Queue>(getQueueToken(QueueName.Crawl));
    const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
    expect(jobs.map((j) => j.data.court).sort()).toEqual([...codes].sort());
    expect(new Set(jobs.map((j) => j.data.slot))).toEqual(new Set(['20261126T0300']));
    expect(jobs[0].data.to).toBe('2026-11-26');

    await a.app.get(CrawlScheduler).tick(new Date('2026-11-27T03:00:00Z')); // the next slot is a new crawl
    expect(await queue.getJobCountByTypes('waiting', 'prioritized')).toBe(codes.length * 2);
  });
});
