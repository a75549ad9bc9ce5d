import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../common/auth/caller.js';
import { CurrentCaller } from '../common/auth/current-caller.decorator.js';
import { weeklyCountsCsvQuerySchema, type WeeklyCountsCsvQuery } from '../trends/weekly-counts-query.schema.js';
import { casesCsvQuerySchema, type CasesCsvQuery } from '../verdicts/cases-query.schema.js';
import { CsvExportService } from './csv-export.service.js';

@ApiTags('csv')
@Controller('api')
export class CsvController {
  constructor(private readonly csv: CsvExportService) {}

  @Get('weekly-counts.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Weekly counts as CSV (same filters as /api/weekly-counts)',
    description: 'Columns: week,series,article,part,court,court_name,level,count,covered_courts,expected_courts,coverage,incomplete. Public.',
  })
  async weeklyCounts(@Query({ schema: weeklyCountsCsvQuerySchema }) q: WeeklyCountsCsvQuery, @Res() res: Response): Promise<void> {
    await this.csv.weeklyCounts(q, res);
  }

  @Get('cases.csv')
  @ApiProduces('text/csv')
  @ApiSecurity('api-key')
  @ApiOperation({
    summary: 'Cases as CSV (same filters as /api/cases, without paging)',
    description:
      'Columns: case_id,court,court_name,level,region,instance,case_number,uid,received_on,decided_on,outcome,result,' +
      "legal_force_on,judge,charges,defendants,defendant_names,card_url. defendant_names is empty without an API key.",
  })
  async cases(@Query({ schema: casesCsvQuerySchema }) q: CasesCsvQuery, @CurrentCaller() caller: Caller, @Res() res: Response): Promise<void> {
    await this.csv.cases(q, caller, res);
  }
}
