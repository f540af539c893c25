export { DatabaseModule } from './database.module';
export { dataSourceOptions, pingDatabase, runMigrations, MIGRATIONS } from './data-source';
