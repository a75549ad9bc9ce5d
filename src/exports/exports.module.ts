import { Module } from '@nestjs/common';
import { TrendsApiModule } from '../trends/trends-api.module.js';
import { CsvExportService } from './csv-export.service.js';
import { CsvStreamService } from './csv-stream.service.js';
import { CsvController } from './csv.controller.js';
import { ExportPool } from './export-pool.js';

/** CSV downloads streamed from Postgres. */
@Module({
  imports: [TrendsApiModule],
  controllers: [CsvController],
  providers: [ExportPool, CsvStreamService, CsvExportService],
})
export class ExportsModule {}
