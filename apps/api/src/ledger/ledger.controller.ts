import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { agencyScope, type Principal } from '../../../../libs/auth';
import { LEDGER_CONTENT_TYPES, LedgerService } from '../../../../libs/ledger';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { uuidParam } from '../common/uuid.pipe';
import { attachmentDisposition } from '../evidence/content-disposition';
import { LedgerQueryDto } from './dto/ledger-query.dto';

const binary = { schema: { type: 'string', format: 'binary' } };

@ApiTags('ledger 督办台账')
@ApiBearerAuth()
@Controller('documents/:id/ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get()
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @ApiOperation({
    summary: '导出文件的任务落实台账（截至某日，xlsx、csv 或 pdf）',
    description:
      '每个任务一行，按措施分组；截至日期的情况由办理记录（task_event）重建，同一截至日期任何时候导出结果相同。' +
      '筛选同任务清单（责任单位、措施、分工、状态、灯色、是否逾期，均按截至当日的情况）。联络员只得到本单位（及其牵头措施下配合单位）的行。',
  })
  @ApiOkResponse({
    description: '台账文件；Content-Disposition 以 filename*（RFC 5987）给出中文文件名',
    content: { [LEDGER_CONTENT_TYPES.xlsx]: binary, 'text/csv': binary, [LEDGER_CONTENT_TYPES.pdf]: binary },
    headers: { 'Content-Disposition': { schema: { type: 'string' }, description: "attachment; filename*=UTF-8''…" } },
  })
  @ApiErrors(422)
  async export(
    @CurrentUser() me: Principal,
    @Param('id', uuidParam) id: string,
    @Query() q: LedgerQueryDto,
  ): Promise<StreamableFile> {
    const { asOf, format, ...filter } = q;
    const file = await this.ledger.export(id, asOf, format, filter, agencyScope(me));
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: attachmentDisposition(file.name),
    });
  }
}
