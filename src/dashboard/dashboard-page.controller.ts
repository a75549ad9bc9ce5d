import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DashboardAssets, type Asset } from './dashboard-assets.js';
import { pageLanguage } from './page-language.js';

/** Everything the page loads comes from here or the API: no CDN, no inline script, no third party. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(req: Request, res: Response, a: Asset, cache: string, status = 200): void {
  res.setHeader('Content-Type', a.type);
  res.setHeader('Cache-Control', cache);
  res.setHeader('ETag', a.etag);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.vary('Accept-Encoding');
  if (req.headers['if-none-match'] === a.etag) {
    res.status(304).end();
    return;
  }
  const gzip = a.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.status(status).end(gzip ? a.gzip : a.body);
}

/** Serves the dashboard at `/` and its files under `/dashboard/<version>/`. */
@ApiExcludeController()
@Controller()
export class DashboardPageController {
  constructor(private readonly assets: DashboardAssets) {}

  @Get()
  page(@Query('lang') lang: unknown, @Headers('accept-language') accept: string | undefined, @Req() req: Request, @Res() res: Response): void {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Referrer-Policy', 'same-origin');
    res.vary('Accept-Language');
    send(req, res, this.assets.page(pageLanguage(lang, accept)), 'no-cache', this.assets.version === 'missing' ? 503 : 200);
  }

  @Get('favicon.ico')
  favicon(@Req() req: Request, @Res() res: Response): void {
    const icon = this.assets.file('favicon.svg');
    if (icon) send(req, res, icon, 'public, max-age=86400');
    else res.status(404).end();
  }

  @Get('dashboard/:version/:file')
  file(@Param('version') version: string, @Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    const a = this.assets.file(file);
    if (!a) {
      res.status(404).json({ statusCode: 404, error: 'Not Found', message: `no dashboard file ${file}` });
      return;
    }
    // An old page asking for its files gets today's, uncached, rather than a 404.
    send(req, res, a, version === this.assets.version ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
}
