/** A parameterised SQL statement: `$n` placeholders and their values. */
export interface SqlQuery {
  text: string;
  values: unknown[];
}
