export { DatabaseModule } from './database.module';
export { dataSourceOptions, pingDatabase, runMigrations, ENTITIES, MIGRATIONS } from './data-source';
