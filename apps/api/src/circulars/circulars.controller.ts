import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CIRCULAR_CONTENT_TYPES,
  CIRCULAR_FORMATS,
  CircularBackfillService,
  CircularsService,
} from '../../../../libs/circulars';
import { attachmentDisposition } from '../evidence/content-disposition';
import { RequestError } from '../errors/api-error.filter';
import { Access } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { noNulPipe } from '../common/no-nul.pipe';
import { uuidParam } from '../common/uuid.pipe';
import {
  CircularAsOfDto,
  CircularAsOfQueryDto,
  CircularBackfillDto,
  CircularBackfillResultDto,
  CircularDto,
  CircularListQueryDto,
  CircularPageDto,
} from './circulars.dto';

const READERS = ['admin', 'coordinator', 'leader'] as const;
const binary = { schema: { type: 'string', format: 'binary' } };
const exceptionFactory = () => new RequestError('VALIDATION_FAILED', '文件格式须为 pdf、docx 或 xlsx');

@ApiTags('circulars 情况通报')
@ApiBearerAuth()
@Controller()
export class CircularsController {
  constructor(
    private readonly circulars: CircularsService,
    private readonly backfills: CircularBackfillService,
  ) {}

  @Get('circulars')
  @Access(...READERS)
  @ApiOperation({
    summary: '情况通报列表：周报（每周第 1 个工作日，发协调处室）、月报（每月第 3 个工作日，发领导），新者在前',
  })
  @ApiOkResponse({ type: CircularPageDto })
  async list(@Query() q: CircularListQueryDto) {
    const { rows, total } = await this.circulars.list(q, q.page, q.pageSize);
    return { items: rows, total, page: q.page, pageSize: q.pageSize };
  }

  @Get('circulars/:id')
  @Access(...READERS)
  @ApiOperation({ summary: '一期情况通报：截至日期、本期起止和各项数字（保存时的原样）' })
  @ApiOkResponse({ type: CircularDto })
  get(@Param('id', uuidParam) id: string) {
    return this.circulars.get(id);
  }

  @Get('circulars/:id/files/:format')
  @Access(...READERS)
  @ApiOperation({
    summary: '下载情况通报：pdf、docx（同一内容），或附件 xlsx（截至当日的督办台账）',
  })
  @ApiParam({ name: 'format', enum: CIRCULAR_FORMATS })
  @ApiOkResponse({
    description: '文件；Content-Disposition 以 filename*（RFC 5987）给出中文文件名',
    content: Object.fromEntries(Object.values(CIRCULAR_CONTENT_TYPES).map((t) => [t, binary])),
  })
  async download(
    @Param('id', uuidParam) id: string,
    @Param('format', new ParseEnumPipe(CIRCULAR_FORMATS, { exceptionFactory })) format: string,
  ): Promise<StreamableFile> {
    const file = await this.circulars.file(id, format);
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: attachmentDisposition(file.name),
    });
  }

  @Get('documents/:id/circular')
  @Access(...READERS)
  @ApiOperation({
    summary: '按截至日期重新生成情况通报（不保存）：由办理记录重建，同一日期任何时候生成的数字相同',
  })
  @ApiOkResponse({ type: CircularAsOfDto })
  @ApiErrors(422)
  asOf(@Param('id', uuidParam) id: string, @Query() q: CircularAsOfQueryDto) {
    return this.circulars.asOf(id, q.kind, q.asOf);
  }

  @Post('circulars/backfill')
  @Access('admin')
  @HttpCode(202)
  @ApiOperation({
    summary: '补发（管理员）：系统停机期间错过的情况通报按日补跑，每期只生成一次，重复请求不会重复生成',
  })
  @ApiAcceptedResponse({ type: CircularBackfillResultDto })
  @ApiErrors(503)
  backfill(@Body(noNulPipe) b: CircularBackfillDto) {
    return this.backfills.backfill(b.kind, b.from, b.to);
  }
}
