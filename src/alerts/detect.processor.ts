import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AlertDetectionService, type DetectionSummary } from './alert-detection.service.js';
import { AlertQueue, type DetectJob } from './alert-queues.js';

@Processor(AlertQueue.Detect, { concurrency: 1 })
export class DetectProcessor extends WorkerHost {
  constructor(private readonly detection: AlertDetectionService) {
    super();
  }

  process(job: Job<DetectJob>): Promise<DetectionSummary> {
    return this.detection.run(job.data.reason);
  }
}
