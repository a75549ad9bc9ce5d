import { CreateCourtsAndPages1795700000000 } from './1795700000000-CreateCourtsAndPages.js';
import { CreateCrawlRuns1795700000100 } from './1795700000100-CreateCrawlRuns.js';
import { CreateCasesAndDefendants1795700000200 } from './1795700000200-CreateCasesAndDefendants.js';

/** Every migration in order; listed here so the app, the CLI and Jest load them the same way. */
export const migrations = [
  CreateCourtsAndPages1795700000000,
  CreateCrawlRuns1795700000100,
  CreateCasesAndDefendants1795700000200,
];
