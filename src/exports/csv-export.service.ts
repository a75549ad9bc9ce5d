import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { canSeeNames, type Caller } from '../common/auth/caller.js';
import { partName } from '../common/query-fields.js';
import type { WeeklyCountsCsvQuery } from '../trends/weekly-counts-query.schema.js';
import { WeeklyCountsService } from '../trends/weekly-counts.service.js';
import type { CasesCsvQuery } from '../verdicts/cases-query.schema.js';
import { CASES_CSV_COLUMNS, casesCsvQuery } from './cases-csv.query.js';
import { csvFilename } from './csv-filename.js';
import { CsvStreamService } from './csv-stream.service.js';
import { WEEKLY_COUNTS_CSV_COLUMNS, weeklyCountsCsvQuery } from './weekly-counts-csv.query.js';

/** The two CSV downloads: which query, which columns, which file name. */
@Injectable()
export class CsvExportService {
  constructor(
    private readonly stream: CsvStreamService,
    private readonly counts: WeeklyCountsService,
  ) {}

  weeklyCounts(q: WeeklyCountsCsvQuery, res: Response): Promise<number> {
    const filename = csvFilename('weekly-counts', [
      q.series, `art${q.article}`, q.part !== '*' && `part-${partName(q.part)}`, q.court && `court-${q.court}`,
      q.level, q.region && `region-${q.region}`, q.from && `from-${q.from}`, q.to && `to-${q.to}`,
      q.groupBy !== 'none' && `by-${q.groupBy}`,
    ]);
    return this.stream.send(res, {
      query: weeklyCountsCsvQuery(q, this.counts.context()),
      header: WEEKLY_COUNTS_CSV_COLUMNS,
      filename,
      excel: q.excel ?? false,
    });
  }

  cases(q: CasesCsvQuery, caller: Caller, res: Response): Promise<number> {
    const filename = csvFilename('cases', [
      q.instance !== 'first' && q.instance, q.article && `art${q.article}`, q.part !== undefined && q.part !== '*' && `part-${partName(q.part)}`,
      q.court && `court-${q.court}`, q.level, q.region && `region-${q.region}`, q.outcome,
      (q.from || q.to) && `${q.dateField}`, q.from && `from-${q.from}`, q.to && `to-${q.to}`, canSeeNames(caller) && 'with-names',
    ]);
    return this.stream.send(res, { query: casesCsvQuery(q, caller), header: CASES_CSV_COLUMNS, filename, excel: q.excel ?? false });
  }
}
