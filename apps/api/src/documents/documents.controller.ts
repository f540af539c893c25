import { Access } from '../auth/access.decorator';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ImportService, DocumentsService } from '../../../../libs/documents';
import { TaskQueryService } from '../../../../libs/tasks';
import { ImportDocumentDto } from './dto/import-document.dto';
import { PageQueryDto } from '../common/list-query.dto';
import { ApiErrors } from '../common/common.dto';
import { DocumentDetailDto, DocumentPageDto, DocumentStatusDto, ImportedDocumentDto } from './responses/documents.dto';
import { uuidParam } from '../common/uuid.pipe';

@ApiTags('documents 政策文件')
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly imports: ImportService,
    private readonly queries: TaskQueryService,
  ) {}

  @Post()
  @Access('coordinator')
  @ApiOperation({
    summary: '一步导入政策文件：解析措施与责任单位并生成待下发任务',
    description:
      '所有责任单位都能对应到单位库时直接生成；有未登记或泛指单位时返回 409 UNRESOLVED_PARTIES，请改用 /imports 预览、修正、确认。',
  })
  @ApiCreatedResponse({ type: ImportedDocumentDto, description: '已生成文件和待下发任务' })
  @ApiErrors(409, 422)
  importDocument(@Body() body: ImportDocumentDto) {
    return this.imports.importDocument(body.text);
  }

  @Get()
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @ApiOperation({ summary: '文件列表（按导入时间倒序，分页）' })
  @ApiOkResponse({ type: DocumentPageDto })
  async list(@Query() q: PageQueryDto) {
    const { items, total } = await this.documents.listDocuments(q.page, q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @Get(':id')
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @ApiOperation({ summary: '文件及其解析结果' })
  @ApiOkResponse({ type: DocumentDetailDto })
  async get(@Param('id', uuidParam) id: string) {
    const doc = await this.documents.getDocument(id);
    const { status, dueDate, launchedAt, withdrawnAt, withdrawReason } = doc;
    return { id: doc.id, status, dueDate, launchedAt, withdrawnAt, withdrawReason, ...doc.parse };
  }

  @Get(':id/status')
  @Access('admin', 'coordinator', 'leader')
  @ApiOperation({ summary: '办理情况：每项措施 × 责任单位的状态与红黄绿灯' })
  @ApiOkResponse({ type: DocumentStatusDto })
  status(@Param('id', uuidParam) id: string) {
    return this.queries.documentStatus(id);
  }
}
