import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations/index.js';

/** The one TypeORM data source; the app, the CLI (`migrate`) and the tests share it. */
export function createDataSource(url: string, options: { max?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: options.max ?? 10 },
  });
}
