import { Injectable } from '@nestjs/common';

/** The current date, injectable so tests can pin "today" (weeks inside the publication lag depend on it). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's UTC calendar date, YYYY-MM-DD. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}
