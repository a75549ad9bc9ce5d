import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { courtsQuerySchema, type CourtsQuery } from './courts-query.schema.js';
import { CourtsQueryService, type CourtItem } from './courts-query.service.js';

@ApiTags('courts')
@Controller('api/courts')
export class CourtsController {
  constructor(private readonly courts: CourtsQueryService) {}

  @Get()
  @ApiOperation({ summary: 'The court registry with crawl health', description: 'Public.' })
  @ApiOkResponse({ description: 'courts ordered by code, each with its last crawl outcome and whether it counts toward coverage' })
  list(@Query({ schema: courtsQuerySchema }) q: CourtsQuery): Promise<CourtItem[]> {
    return this.courts.list(q);
  }
}
