/**
 * SQL that neutralises spreadsheet formula injection in a text column: a cell starting with
 * = + - @ tab or carriage return gets a leading apostrophe (OWASP's advice), so Excel and LibreOffice
 * show it as text instead of running it. `column` must be a plain column reference (it is repeated).
 */
export function csvSafe(column: string): string {
  return `CASE WHEN left(${column}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${column} ELSE ${column} END`;
}

/** The same rule for a value formatted in JavaScript. */
export function csvSafeValue(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
