import { CreateCourtsAndPages1795700000000 } from './1795700000000-CreateCourtsAndPages.js';
import { CreateCrawlRuns1795700000100 } from './1795700000100-CreateCrawlRuns.js';
import { CreateCasesAndDefendants1795700000200 } from './1795700000200-CreateCasesAndDefendants.js';
import { CreateClaims1795700000300 } from './1795700000300-CreateClaims.js';
import { AddCoverageWeekIndex1795700000310 } from './1795700000310-AddCoverageWeekIndex.js';
import { AllowShareClaims1795700000320 } from './1795700000320-AllowShareClaims.js';
import { AddWeeklyCountsCoveringIndex1795700000330 } from './1795700000330-AddWeeklyCountsCoveringIndex.js';
import { CreateAlerts1795700000400 } from './1795700000400-CreateAlerts.js';
import { CreateCaptchaHandoff1795700000500 } from './1795700000500-CreateCaptchaHandoff.js';
import { CreateNewsSources1795700000700 } from './1795700000700-CreateNewsSources.js';
import { CreateNewsItems1795700000710 } from './1795700000710-CreateNewsItems.js';
import { CreatePoliteSlots1795700000850 } from './1795700000850-CreatePoliteSlots.js';

/** Every migration in order; listed here so the app, the CLI and Jest load them the same way. */
export const migrations = [
  CreateCourtsAndPages1795700000000,
  CreateCrawlRuns1795700000100,
  CreateCasesAndDefendants1795700000200,
  CreateClaims1795700000300,
  AddCoverageWeekIndex1795700000310,
  AllowShareClaims1795700000320,
  AddWeeklyCountsCoveringIndex1795700000330,
  CreateAlerts1795700000400,
  CreateCaptchaHandoff1795700000500,
  CreateNewsSources1795700000700,
  CreateNewsItems1795700000710,
  CreatePoliteSlots1795700000850,
];
