import { Module } from '@nestjs/common';
import { TrendsApiModule } from '../trends/trends-api.module.js';
import { ClaimCheckService } from './claim-check.service.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';
import { SentenceShareService } from './sentence-share.service.js';

/** Claims as data and their checks against the weekly counts. */
@Module({
  imports: [TrendsApiModule],
  controllers: [ClaimsController],
  providers: [ClaimsService, ClaimCheckService, SentenceShareService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
