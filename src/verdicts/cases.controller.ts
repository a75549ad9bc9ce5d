import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../common/auth/caller.js';
import { CurrentCaller } from '../common/auth/current-caller.decorator.js';
import { casesQuerySchema, type CasesQuery } from './cases-query.schema.js';
import { CasesQueryService, type CasesPage } from './cases-query.service.js';

@ApiTags('cases')
@Controller('api/cases')
export class CasesController {
  constructor(private readonly cases: CasesQueryService) {}

  @Get()
  @ApiSecurity('api-key')
  @ApiOperation({
    summary: 'Stored cases, paged, newest first',
    description: "Public; defendants' names are included only for callers with an API key (reader or admin).",
  })
  @ApiOkResponse({ description: '{ page, pageSize, total, items: [case with charges and defendants] }' })
  list(@Query({ schema: casesQuerySchema }) q: CasesQuery, @CurrentCaller() caller: Caller): Promise<CasesPage> {
    return this.cases.page(q, caller);
  }
}
