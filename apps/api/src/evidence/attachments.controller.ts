import { Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { agencyScope, liaisonScope, type Principal, standingInFor } from '../../../../libs/auth';
import { ALLOWED_EXTENSIONS, CONTENT_TYPES, EvidenceError, MAX_ATTACHMENT_BYTES } from '../../../../libs/evidence';
import { TaskAttachmentsService } from '../../../../libs/tasks';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { uuidParam } from '../common/uuid.pipe';
import { attachmentDisposition } from './content-disposition';
import { EvidenceUploadInterceptor, type UploadedPart } from './evidence-upload.interceptor';
import { AttachmentDto, AttachmentListDto } from './responses/attachments.dto';

const EVERYONE = ['admin', 'coordinator', 'leader', 'liaison'] as const;
const MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;
const ONLY_OUTCOMES =
  '仅限办理成果的佐证材料（文件、批复、台账、总结、成果照片等）；不是打卡、签到照片或活动积分、排名的入口，系统也不据此计分排名。';

@ApiTags('evidence 佐证材料')
@ApiBearerAuth()
@Controller('tasks/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: TaskAttachmentsService) {}

  @Post()
  @Access('liaison')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiOperation({
    summary: '上传佐证材料附件（本单位联络员）',
    description:
      `${ONLY_OUTCOMES}单个文件不超过 ${MB} MB，类型：${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join('、')}` +
      `（按扩展名和文件头检查）。相同内容只存一份；同一任务重复上传同名同内容的文件得到同一附件。` +
      `文件名不得含有身份证号码、手机号码等个人信息。上传后在报告进展或提交办结时以 attachmentIds 引用。`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      additionalProperties: false,
      properties: { file: { type: 'string', format: 'binary', description: '佐证材料文件' } },
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiErrors(409, 422)
  upload(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @UploadedFile() file: UploadedPart | undefined,
  ): Promise<AttachmentDto> {
    if (!file) {
      throw new EvidenceError('FILE_REQUIRED', '请以 multipart/form-data 上传，文件放在字段 file 中');
    }
    return this.attachments.upload(
      id,
      { name: file.originalname, bytes: file.buffer },
      me.displayName,
      liaisonScope(me),
      (agencyId) => standingInFor(me, agencyId)?.displayName ?? null,
    );
  }

  @Get()
  @Access(...EVERYONE)
  @ApiOperation({ summary: '任务的佐证材料附件（可查看该任务者均可查看）', description: ONLY_OUTCOMES })
  @ApiOkResponse({ type: AttachmentListDto })
  async list(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string): Promise<AttachmentListDto> {
    return { items: await this.attachments.list(id, agencyScope(me)) };
  }

  @Get(':attachmentId')
  @Access(...EVERYONE)
  @ApiOperation({ summary: '下载佐证材料附件（可查看该任务者均可下载）' })
  @ApiOkResponse({
    description: '文件内容；Content-Disposition 以 filename*（RFC 5987）给出中文文件名',
    content: Object.fromEntries(CONTENT_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
    headers: { 'Content-Disposition': { schema: { type: 'string' }, description: "attachment; filename*=UTF-8''…" } },
  })
  async download(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Param('attachmentId', uuidParam) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(id, attachmentId, agencyScope(me));
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.size,
      disposition: attachmentDisposition(file.name),
    });
  }
}
