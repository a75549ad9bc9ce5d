import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../common/auth/requires-role.decorator.js';
import { storedPart } from '../common/query-fields.js';
import { ClaimCheckService, type ClaimCheckReport } from './claim-check.service.js';
import { claimIdSchema, claimParamsSchema, createClaimSchema, type ClaimParams, type CreateClaim } from './claim.schema.js';
import { ClaimsService, type Claim } from './claims.service.js';

@ApiTags('claims')
@Controller('api/claims')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly checks: ClaimCheckService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published figures as checkable claims, each with its last check', description: 'Public.' })
  @ApiOkResponse({ description: 'claims ordered by period' })
  list(): Promise<Claim[]> {
    return this.claims.list();
  }

  @Post()
  @RequiresRole('admin')
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Add a claim', description: 'Needs an API key with role admin.' })
  @ApiCreatedResponse({ description: 'the stored claim' })
  @ApiBadRequestResponse({ description: 'a body field is invalid; the message names it' })
  create(@Body({ schema: createClaimSchema }) body: CreateClaim): Promise<Claim> {
    return this.claims.create(body);
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check ad-hoc claim parameters against the stored counts', description: 'Public. The check is recorded.' })
  @ApiOkResponse({ description: 'the check: weeks used, Garwood intervals, dispersion, Mann-Kendall, Sen slope, verdict' })
  checkAdHoc(@Body({ schema: claimParamsSchema }) params: ClaimParams): Promise<ClaimCheckReport> {
    return this.checks.check(params, null);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One claim', description: 'Public.' })
  get(@Param('id', { schema: claimIdSchema }) id: string): Promise<Claim> {
    return this.claims.get(id);
  }

  @Get(':id/check')
  @ApiOperation({ summary: 'Check a stored claim now', description: 'Public. The check is recorded in claim_checks.' })
  @ApiOkResponse({ description: 'the check: weeks used, Garwood intervals, dispersion, Mann-Kendall, Sen slope, verdict' })
  async check(@Param('id', { schema: claimIdSchema }) id: string): Promise<ClaimCheckReport> {
    const claim = await this.claims.get(id);
    return this.checks.check({ ...claim.params, part: storedPart(claim.params.part) }, claim.id);
  }
}
