import { Access, CurrentUser } from '../auth/access.decorator';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/auth';
import { ImportService, DocumentError } from '../../../../libs/documents';
import { RevisionService } from '../../../../libs/revision';
import { CorrectImportDto, CreateImportDto, UploadQueryDto } from './dto/import.dto';
import { ApiErrors } from '../common/common.dto';
import { ImportConfirmResultDto, ImportPreviewDto } from './responses/imports.dto';
import { uuidParam } from '../common/uuid.pipe';

@ApiTags('imports 导入预览')
@Access('coordinator')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly revisions: RevisionService,
  ) {}

  @Post()
  @ApiOperation({ summary: '导入预览：解析、警告、将生成的任务清单（单位组已展开），不生成任务' })
  @ApiCreatedResponse({ type: ImportPreviewDto })
  @ApiErrors(404, 422)
  create(@Body() body: CreateImportDto) {
    return this.imports.createDraft(body.text, body.actor ?? '协调处室', body.revisesDocumentId);
  }

  @Post('text')
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string', description: 'UTF-8 文本文件内容' } })
  @ApiOperation({ summary: '以纯文本上传文件（Content-Type: text/plain），其余同上；非 UTF-8 内容返回 400' })
  @ApiCreatedResponse({ type: ImportPreviewDto })
  @ApiErrors(404, 422)
  upload(@Body() body: unknown, @Query() q: UploadQueryDto, @Headers('content-type') type?: string) {
    if (!Buffer.isBuffer(body) || !type?.startsWith('text/plain')) {
      throw new DocumentError('NOT_TEXT', '请以 Content-Type: text/plain 上传 UTF-8 文本');
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new DocumentError('NOT_UTF8', '上传内容不是 UTF-8 编码的文本（如为 GBK，请先转换为 UTF-8）');
    }
    return this.imports.createDraft(text, '协调处室', q.revisesDocumentId);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看导入预览（含已做的修正和与原文件的差异）' })
  @ApiOkResponse({ type: ImportPreviewDto })
  get(@Param('id', uuidParam) id: string) {
    return this.imports.getPreview(id);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @ApiOperation({ summary: '修正预览：对应、新建或删除单位，调整角色，删除措施（记录修正人和理由）' })
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiErrors(409)
  correct(@Param('id', uuidParam) id: string, @Body() body: CorrectImportDto) {
    return this.imports.correct(id, body.edits, body.actor ?? '协调处室', body.reason);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: '确认导入：一次性生成文件、措施和任务；全部单位处理完毕后才能确认，重复确认不会重复生成',
    description:
      '修订已下发的文件时就地生效：未改动的措施任务照常办理；有改动的措施保留任务、记录改动并通知承办单位；删除的措施和不再承担的单位的任务撤销；新增的措施和单位随即下发。',
  })
  @ApiOkResponse({ type: ImportConfirmResultDto })
  @ApiErrors(409, 503)
  confirm(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string) {
    return this.revisions.confirm(id, me.displayName);
  }
}
