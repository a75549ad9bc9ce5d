/**
 * A file name that says what was filtered: `weekly-counts_convicted_art337_part5_court-63GV0001_2023-01-02_2023-12-31_by-court.csv`.
 * Parts that were not filtered are left out; values are already validated (letters, digits, dots, dashes).
 */
export function csvFilename(kind: string, parts: (string | false | null | undefined)[]): string {
  return `${[kind, ...parts.filter(Boolean)].join('_').replace(/[^\w.-]+/g, '-')}.csv`;
}
