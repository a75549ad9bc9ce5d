import { BullModule } from '@nestjs/bullmq';

/** The alert queues: one kind of work each, so no processor switches on job names. */
export const AlertQueue = { Detect: 'alerts', Digest: 'alert-digests', Mail: 'mail' } as const;

export interface DetectJob {
  reason: string;
}

export interface DigestJob {
  frequency: 'daily' | 'weekly';
}

export interface MailJob {
  deliveryId: string;
}

/** Registered once and shared by reference (Nest dedupes dynamic modules by identity). */
export const AlertQueuesModule = BullModule.registerQueue(...Object.values(AlertQueue).map((name) => ({ name })));
