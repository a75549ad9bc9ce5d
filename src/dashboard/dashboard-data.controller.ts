import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DashboardDataService, type CourtsView, type TrendView } from './dashboard-data.service.js';
import { dashboardCourtsQuerySchema, dashboardTrendQuerySchema, type DashboardCourtsQuery, type DashboardTrendQuery } from './dashboard-query.schema.js';

/** One request per dashboard view; the same filters as /api/weekly-counts. */
@ApiTags('dashboard')
@Controller('api/dashboard')
export class DashboardDataController {
  constructor(private readonly data: DashboardDataService) {}

  @Get('trend')
  @ApiOperation({
    summary: 'The trend view: received, decided and convicted per week side by side, with a claim and its check',
    description:
      'Weeks and coverage as /api/weekly-counts gives them for `series` (coverage is of that series\' date); the other two ' +
      'series are counted over the same weeks. `claim` (id or slug, default the "about 100 verdicts a week" claim, `none` for ' +
      'none) comes with a check at most a minute old. Public.',
  })
  @ApiOkResponse({ description: '{ filter, publicationLagWeeks, coverageThreshold, weeks: [{ week, received, decided, convicted, coverage, coveredCourts, expectedCourts, incomplete }], claim, claims }' })
  @ApiBadRequestResponse({ description: 'a parameter is invalid; the message names it' })
  trend(@Query({ schema: dashboardTrendQuerySchema }) q: DashboardTrendQuery): Promise<TrendView> {
    return this.data.trend(q);
  }

  @Get('courts')
  @ApiOperation({
    summary: 'The courts view: every court with its counts for the period and its crawl health',
    description: 'Counts are sums of /api/weekly-counts?groupBy=court over the period; coverage is the share of complete weeks covered. Public.',
  })
  @ApiOkResponse({ description: '{ filter, weeks, coverageThreshold, courts: [{ code, name, level, region, received, decided, convicted, coverage, lastGoodCrawlAt, lastOutcome, healthNote, captchaWaiting, ... }] }' })
  @ApiBadRequestResponse({ description: 'a parameter is invalid; the message names it' })
  courts(@Query({ schema: dashboardCourtsQuerySchema }) q: DashboardCourtsQuery): Promise<CourtsView> {
    return this.data.courts(q);
  }
}
