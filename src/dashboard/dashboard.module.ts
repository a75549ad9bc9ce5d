import { Module } from '@nestjs/common';
import { TrendsApiModule } from '../trends/trends-api.module.js';
import { ClaimSummaries } from './claim-summaries.js';
import { DashboardAssets } from './dashboard-assets.js';
import { DashboardDataController } from './dashboard-data.controller.js';
import { DashboardDataService } from './dashboard-data.service.js';
import { DashboardPageController } from './dashboard-page.controller.js';

/** The web page at `/`: its files, and one data endpoint per view over the trend, court and claim services. */
@Module({
  imports: [TrendsApiModule],
  controllers: [DashboardPageController, DashboardDataController],
  providers: [DashboardAssets, DashboardDataService, ClaimSummaries],
})
export class DashboardModule {}
