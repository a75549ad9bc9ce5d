import { Module } from '@nestjs/common';
import { CasesQueryService } from './cases-query.service.js';
import { CasesController } from './cases.controller.js';
import { CourtsQueryService } from './courts-query.service.js';
import { CourtsController } from './courts.controller.js';

/** Read API over stored cases and courts. */
@Module({
  controllers: [CourtsController, CasesController],
  providers: [CourtsQueryService, CasesQueryService],
  exports: [CasesQueryService],
})
export class VerdictsApiModule {}
