import { Module } from '@nestjs/common';
import { WeeklyCountsUpdater } from './weekly-counts.updater.js';

@Module({ providers: [WeeklyCountsUpdater], exports: [WeeklyCountsUpdater] })
export class TrendsModule {}
