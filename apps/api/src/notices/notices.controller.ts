import {
  Controller,
  Delete,
  Get,
  Param,
  type PipeTransform,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { agencyScope, type Principal } from '../../../../libs/auth';
import { EvidenceError } from '../../../../libs/evidence';
import {
  NOTICE_CONTENT_TYPES,
  type NoticeFile,
  NoticesService,
  REQUIRED_PLACEHOLDERS,
  TEMPLATE_KINDS,
  type TemplateKind,
} from '../../../../libs/notices';
import { Access, CurrentUser, SignedIn } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { uuidParam } from '../common/uuid.pipe';
import { RequestError } from '../errors/api-error.filter';
import { attachmentDisposition } from '../evidence/content-disposition';
import { EvidenceUploadInterceptor, type UploadedPart } from '../evidence/evidence-upload.interceptor';
import { NoticeFileQueryDto } from './dto/notice-file-query.dto';
import { NoticeListDto, NoticeTemplateDto, NoticeTemplateResetDto } from './responses/notices.dto';

const EVERYONE = ['admin', 'coordinator', 'leader', 'liaison'] as const;
const DOCX = NOTICE_CONTENT_TYPES.docx;
const SCOPE = '协调员、领导、管理员可见全部；联络员仅见本单位的通知。';
const binary = { schema: { type: 'string', format: 'binary' } };
const disposition = {
  'Content-Disposition': {
    schema: { type: 'string' },
    description: "attachment; filename*=UTF-8''…（RFC 5987 中文文件名）",
  },
};

const kindParam: PipeTransform<string, TemplateKind> = {
  transform(raw) {
    if (!(TEMPLATE_KINDS as readonly string[]).includes(raw)) {
      throw new RequestError(
        'VALIDATION_FAILED',
        `模板种类「${raw}」无效，应为 supervision（督办通知单）、urge（催办通知书）或 circular（情况通报）`,
      );
    }
    return raw as TemplateKind;
  },
};
const KindParam = () =>
  ApiParam({
    name: 'kind',
    enum: TEMPLATE_KINDS,
    description: 'supervision：督办通知单；urge：催办通知书；circular：情况通报（须含 {title}、{summary}）',
  });

const download = (file: NoticeFile) =>
  new StreamableFile(file.bytes, {
    type: file.contentType,
    length: file.bytes.length,
    disposition: attachmentDisposition(file.name),
  });

@ApiTags('notices 督办通知单 催办通知书')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('documents/:id/notices')
  @Access(...EVERYONE)
  @ApiOperation({
    summary: '文件的督办通知单和催办通知书',
    description:
      '下达后每个责任单位一份督办通知单；某单位的任务在某日触发催办，该单位当日一份催办通知书。' +
      `文号（如 督〔2026〕3号）按文件、种类和年度编号，首次列出或下载时编定，此后不变。未下达的文件没有通知。${SCOPE}`,
  })
  @ApiOkResponse({ type: NoticeListDto })
  async list(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string): Promise<NoticeListDto> {
    return { items: await this.notices.list(id, agencyScope(me)) };
  }

  @Get('documents/:id/notices/:noticeId')
  @Access(...EVERYONE)
  @ApiOperation({
    summary: '下载通知（Word 或 PDF）',
    description: `由存储的数据生成，任何时候下载内容相同。PDF 需服务器安装中文字体 fonts-noto-cjk，缺少时答 503 NOTICE_FONT_MISSING。${SCOPE}`,
  })
  @ApiOkResponse({
    description: '通知文件',
    content: { [DOCX]: binary, [NOTICE_CONTENT_TYPES.pdf]: binary },
    headers: disposition,
  })
  @ApiErrors(503)
  async file(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Param('noticeId', uuidParam) noticeId: string,
    @Query() q: NoticeFileQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.notices.file(id, noticeId, q.format, agencyScope(me)));
  }

  @Get('tasks/:id/notices')
  @Access(...EVERYONE)
  @ApiOperation({ summary: '与任务有关的通知：该任务的单位在该文件上的督办通知单和催办通知书', description: SCOPE })
  @ApiOkResponse({ type: NoticeListDto })
  async forTask(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string): Promise<NoticeListDto> {
    return { items: await this.notices.forTask(id, agencyScope(me)) };
  }

  @Get('inbox/:id/notices')
  @SignedIn()
  @ApiOperation({
    summary: '收件箱中催办通知（催办汇总）所附的催办通知书',
    description: `每个涉及的文件、单位和催办日各一份；其他通知答空列表，别人的收件箱条目答 404。${SCOPE}`,
  })
  @ApiOkResponse({ type: NoticeListDto })
  async forInboxItem(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string): Promise<NoticeListDto> {
    return { items: await this.notices.forInboxItem(id, me.userId, agencyScope(me)) };
  }

  @Get('notice-templates/:kind')
  @Access('admin')
  @KindParam()
  @ApiOperation({
    summary: '下载当前使用的通知模板（管理员上传的，或系统默认）',
    description: '可在此基础上改成本单位的红头模板再上传。',
  })
  @ApiOkResponse({ description: 'Word 模板', content: { [DOCX]: binary }, headers: disposition })
  async template(@Param('kind', kindParam) kind: TemplateKind): Promise<StreamableFile> {
    return download(await this.notices.templateFile(kind));
  }

  @Put('notice-templates/:kind')
  @Access('admin')
  @KindParam()
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiOperation({
    summary: '上传本单位的通知模板（.docx，管理员）',
    description:
      `docxtemplater 占位符：必须含 ${REQUIRED_PLACEHOLDERS.map((p) => (p === 'measures' ? '{#measures}…{/measures}' : `{${p}}`)).join('、')}；` +
      '可用 {title} {documentTitle} {docNumber} {issuer} {coordinator} {coordinatorContact} {date}，' +
      '循环 measures 内 {seq} {measureNumber} {measureTitle} {role} {dueDate} {overdue}，循环 contacts 内 {name} {phone} {email}。' +
      '无法解析或缺少必需占位符时答 422 INVALID_NOTICE_TEMPLATE。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      additionalProperties: false,
      properties: { file: { type: 'string', format: 'binary', description: '.docx 模板' } },
    },
  })
  @ApiOkResponse({ type: NoticeTemplateDto })
  @ApiErrors(422)
  putTemplate(
    @CurrentUser() me: Principal,
    @Param('kind', kindParam) kind: TemplateKind,
    @UploadedFile() file: UploadedPart | undefined,
  ): Promise<NoticeTemplateDto> {
    if (!file) throw new EvidenceError('FILE_REQUIRED', '请以 multipart/form-data 上传，模板文件放在字段 file 中');
    return this.notices.putTemplate(kind, file.originalname, file.buffer, me.userId);
  }

  @Delete('notice-templates/:kind')
  @Access('admin')
  @KindParam()
  @ApiOperation({ summary: '恢复系统默认模板（管理员）', description: '原本就是默认模板时不作改动（reset: false）。' })
  @ApiOkResponse({ type: NoticeTemplateResetDto })
  resetTemplate(@Param('kind', kindParam) kind: TemplateKind): Promise<NoticeTemplateResetDto> {
    return this.notices.resetTemplate(kind);
  }
}
