import { BullModule } from '@nestjs/bullmq';
import { crawlQueues } from './queue-names.js';

/** The crawl queues, registered once and shared by reference (Nest dedupes dynamic modules by identity). */
export const CrawlQueuesModule = BullModule.registerQueue(...crawlQueues.map((name) => ({ name })));
