/** What alert code needs of a DataSource or a transaction's EntityManager. */
export interface Sql {
  query<T = any>(sql: string, params?: unknown[]): Promise<T>;
}

/** Rows of a statement with RETURNING: TypeORM answers UPDATE/DELETE with [rows, count], others with rows. */
export function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return result as T[];
}
