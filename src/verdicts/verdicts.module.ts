import { Module } from '@nestjs/common';
import { CaseIngestService } from './case-ingest.service.js';

@Module({ providers: [CaseIngestService], exports: [CaseIngestService] })
export class VerdictsModule {}
