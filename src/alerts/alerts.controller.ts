import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { partName } from '../common/query-fields.js';
import { AlertLog } from './alert-log.js';
import { alertQuerySchema, type AlertQuery } from './alert-query.schema.js';

@ApiTags('alerts')
@Controller('api/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertLog) {}

  @Get()
  @ApiOperation({
    summary: 'Recent alerts, newest first',
    description:
      'Spike alerts (kind spike, reason ears) and data alerts for the operators (kind data: a spike held back because ' +
      'the week is badly covered or its courts are in trouble, or a court blocked, waiting for a captcha, with an ' +
      'unknown layout, failing, silent or stale). Public: counts only, never a name or an address.',
  })
  @ApiOkResponse({ description: '{ alerts: [{ id, kind, reason, series, article, part, court, courtName, level, week, observed, threshold, method, coverage, detail, history, detectedAt, sentAt }] }' })
  @ApiBadRequestResponse({ description: 'a parameter is invalid; the message names it' })
  async list(@Query({ schema: alertQuerySchema }) q: AlertQuery) {
    const alerts = await this.alerts.recent(q);
    return {
      alerts: alerts.map(({ filters, ...a }) => ({
        ...a,
        series: filters?.series ?? null,
        article: filters?.article ?? null,
        part: filters ? partName(filters.part) : null,
        level: filters?.level ?? null,
      })),
    };
  }
}
