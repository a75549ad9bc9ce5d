import { Module } from '@nestjs/common';
import { WeeklyCountsController } from './weekly-counts.controller.js';
import { WeeklyCountsService } from './weekly-counts.service.js';

/** The trend API: weekly counts with coverage. */
@Module({
  controllers: [WeeklyCountsController],
  providers: [WeeklyCountsService],
  exports: [WeeklyCountsService],
})
export class TrendsApiModule {}
