export { DatabaseModule } from './database.module';
export { dataSourceOptions, runMigrations, ENTITIES, MIGRATIONS } from './data-source';
