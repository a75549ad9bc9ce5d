import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { weeklyCountsQuerySchema, type WeeklyCountsQuery } from './weekly-counts-query.schema.js';
import { WeeklyCountsService } from './weekly-counts.service.js';

@ApiTags('trends')
@Controller('api/weekly-counts')
export class WeeklyCountsController {
  constructor(private readonly counts: WeeklyCountsService) {}

  @Get()
  @ApiOperation({
    summary: 'Cases per ISO week with coverage',
    description:
      'Every week of the range is present (a week without cases is an explicit 0), per group, with the share of ' +
      'expected courts a good crawl covered and whether the week is still inside the publication lag. Public.',
  })
  @ApiOkResponse({
    description:
      '{ filter, publicationLagWeeks, coverageThreshold, courts? (groupBy=court: { code: { name, level } }), ' +
      'rows: [{ week, court?, level?, part?, count, coveredCourts, expectedCourts, coverage, incomplete }] }',
  })
  @ApiBadRequestResponse({ description: 'a parameter is invalid; the message names it' })
  async weekly(@Query({ schema: weeklyCountsQuerySchema }) q: WeeklyCountsQuery, @Res() res: Response): Promise<void> {
    // Already JSON text (up to a few MB for a long range by court): written as is, without Express hashing it
    // for an ETag on every request.
    const parts = await this.counts.queryJsonParts(q);
    res.type('application/json');
    for (const part of parts.slice(0, -1)) res.write(part);
    res.end(parts.at(-1));
  }
}
