import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../../../../libs/audit';
import { DocumentError, DocumentsService } from '../../../../libs/documents';
import { TaskError, TasksService } from '../../../../libs/tasks';
import { Access } from '../auth/access.decorator';
import { PageQueryDto } from '../common/list-query.dto';
import { uuidParam } from '../common/uuid.pipe';

@ApiTags('audit 审计日志')
@ApiBearerAuth()
@Access('admin', 'coordinator', 'leader')
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly tasks: TasksService,
  ) {}

  @Get('documents/:id/audit')
  @ApiOperation({
    summary: '文件的审计日志：导入、修正、确认、下发及其任务上的操作（谁、何时、前后变化；最新在前，分页）',
  })
  async document(@Param('id', uuidParam) id: string, @Query() q: PageQueryDto) {
    if (!(await this.documents.exists(id))) throw new DocumentError('DOCUMENT_NOT_FOUND', `找不到文件 ${id}`);
    return this.audit.forDocument(id, q.page, q.pageSize);
  }

  @Get('tasks/:id/audit')
  @ApiOperation({ summary: '任务的审计日志：每次操作的请求人、请求号和结果（最新在前，分页）' })
  async task(@Param('id', uuidParam) id: string, @Query() q: PageQueryDto) {
    if (!(await this.tasks.exists(id))) throw new TaskError('TASK_NOT_FOUND', `找不到任务 ${id}`);
    return this.audit.forTask(id, q.page, q.pageSize);
  }
}
