export { RevisionModule } from './revision.module';
export { RevisionService, type ConfirmResult } from './revision.service';
