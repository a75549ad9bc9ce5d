import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequiresRole } from '../common/auth/requires-role.decorator.js';
import { InvalidParameterError } from '../common/errors/invalid-parameter.error.js';
import { CaptchaService, type WaitingCaptcha } from './captcha.service.js';

const answerSchema = z.object({ code: z.string().regex(/^\d{5}$/, 'five digits') });

@ApiTags('captcha')
@Controller('api/captcha')
export class CaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @Get()
  @ApiOperation({ summary: 'Courts waiting for a person to read their captcha, with the image', description: 'Public.' })
  waiting(): Promise<WaitingCaptcha[]> {
    return this.captcha.waiting();
  }

  @Post(':court')
  @HttpCode(202)
  @RequiresRole('reader')
  @ApiSecurity('api-key')
  @ApiOperation({
    summary: 'Answer a court captcha (five digits); resumes the crawls of its region that stopped at a captcha',
    description: 'Needs an API key. 400 when code is not five digits, 404 when the court has no captcha waiting.',
  })
  answer(@Param('court') court: string, @Body() body: unknown): Promise<{ region: string; resumed: string[] }> {
    const parsed = answerSchema.safeParse(body);
    if (!parsed.success) throw new InvalidParameterError('code', 'must be five digits', 'body');
    return this.captcha.solve(court.toUpperCase(), parsed.data.code);
  }
}
