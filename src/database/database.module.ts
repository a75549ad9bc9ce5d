import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';

/** Provides the initialised DataSource; migrations are run by the composition root before this. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => createDataSource(url).initialize(),
        },
      ],
      exports: [DataSource],
    };
  }
}
