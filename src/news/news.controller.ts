import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../common/auth/caller.js';
import { CurrentCaller } from '../common/auth/current-caller.decorator.js';
import { RequiresRole } from '../common/auth/requires-role.decorator.js';
import { FigureAcceptanceService } from './figure-acceptance.service.js';
import {
  acceptFigureSchema,
  figuresQuerySchema,
  idSchema,
  newsQuerySchema,
  type AcceptFigure,
  type FiguresQuery,
  type NewsQuery,
} from './news-query.schema.js';
import { NewsQueryService } from './news-query.service.js';

@ApiTags('news')
@Controller('api/news')
export class NewsController {
  constructor(
    private readonly news: NewsQueryService,
    private readonly figures: FigureAcceptanceService,
  ) {}

  @Get()
  @ApiSecurity('api-key')
  @ApiOperation({
    summary: 'Relevant news items with their mentions, case links and figures, newest first',
    description: 'Public. A mention\'s quote (which may name people) is included only for callers with an API key.',
  })
  @ApiOkResponse({ description: '{ page, pageSize, total, items: [item with mentions (each with links to cases) and figures] }' })
  @ApiBadRequestResponse({ description: 'a query parameter is invalid; the message names it' })
  list(@Query({ schema: newsQuerySchema }) q: NewsQuery, @CurrentCaller() caller: Caller) {
    return this.news.items(q, caller);
  }

  @Get('sources')
  @ApiOperation({ summary: 'The news feeds: health, last outcome (a broken feed with its reason), items kept', description: 'Public.' })
  @ApiOkResponse({ description: 'one row per feed' })
  sources() {
    return this.news.sources();
  }

  @Get('cases/:id')
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'News mentions linked to one stored case, best link first', description: 'Public; quotes only with an API key.' })
  @ApiOkResponse({ description: '{ caseId, court, caseNumber, instance, decidedOn, mentions: [...] }' })
  @ApiNotFoundResponse({ description: 'no such case' })
  forCase(@Param('id', { schema: idSchema }) id: string, @CurrentCaller() caller: Caller) {
    return this.news.forCase(id, caller);
  }

  @Get('figures')
  @ApiOperation({ summary: 'Figures published in the news (candidate claims), newest first', description: 'Public.' })
  @ApiOkResponse({ description: '{ page, pageSize, total, items: [figure with its item] }' })
  listFigures(@Query({ schema: figuresQuerySchema }) q: FiguresQuery) {
    return this.news.figures(q);
  }

  @Post('figures/:id/accept')
  @HttpCode(200)
  @RequiresRole('admin')
  @ApiSecurity('api-key')
  @ApiOperation({
    summary: 'Accept a published figure into the claims list',
    description:
      'Needs an API key with role admin. The body may set what the figure does not say (periodFrom/periodTo, series, article, part, ' +
      'tolerance, statement); a month figure brings its own period. Accepting again returns the same claim.',
  })
  @ApiOkResponse({ description: '{ figure, claim }' })
  @ApiBadRequestResponse({ description: 'a body field is missing or invalid; the message names it' })
  @ApiNotFoundResponse({ description: 'no such figure' })
  accept(@Param('id', { schema: idSchema }) id: string, @Body({ schema: acceptFigureSchema }) body: AcceptFigure) {
    return this.figures.accept(id, body);
  }

  @Post('figures/:id/reject')
  @HttpCode(200)
  @RequiresRole('admin')
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Reject a candidate figure', description: 'Needs an API key with role admin.' })
  @ApiOkResponse({ description: 'the figure' })
  @ApiNotFoundResponse({ description: 'no such figure' })
  reject(@Param('id', { schema: idSchema }) id: string) {
    return this.figures.reject(id);
  }
}
