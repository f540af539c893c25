import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/auth';
import { WithdrawalService } from '../../../../libs/withdrawal';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { noNulPipe } from '../common/no-nul.pipe';
import { uuidParam } from '../common/uuid.pipe';
import { WithdrawDto } from '../tasks/dto/task-actions.dto';

export class WithdrawalResultDto {
  @ApiProperty({ enum: ['measure', 'document'] })
  scope!: string;

  @ApiProperty({ format: 'uuid', description: '撤销的措施或文件' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ description: '此前已撤销（沿用首次的理由）' })
  alreadyWithdrawn!: boolean;

  @ApiProperty({ description: '撤销理由' })
  reason!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: '尚未下发、随即撤销的任务数' })
  cancelledUnlaunched!: number;

  @ApiProperty({ type: 'string', nullable: true, description: '通知在办任务终止的工作流（未下发的文件为 null）' })
  workflowId!: string | null;
}

const withdrawal = (summary: string) => ({
  summary,
  description: '在办任务随即终止（已撤销），办理记录保留，此后不再触发任何提醒或督办；重复调用不会重复撤销。',
});

@ApiTags('documents 政策文件')
@ApiBearerAuth()
@Controller()
export class WithdrawalController {
  constructor(private readonly withdrawals: WithdrawalService) {}

  @Post('documents/:id/withdraw')
  @Access('coordinator')
  @HttpCode(202)
  @ApiOperation(withdrawal('撤销整份文件（协调处室，须说明理由）'))
  @ApiAcceptedResponse({ type: WithdrawalResultDto })
  @ApiErrors(404, 503)
  withdrawDocument(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string, @Body(noNulPipe) b: WithdrawDto) {
    return this.withdrawals.withdraw('document', id, b.reason, me.displayName);
  }

  @Post('measures/:id/withdraw')
  @Access('coordinator')
  @HttpCode(202)
  @ApiOperation(withdrawal('撤销一项措施（协调处室，须说明理由）'))
  @ApiAcceptedResponse({ type: WithdrawalResultDto })
  @ApiErrors(404, 503)
  withdrawMeasure(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string, @Body(noNulPipe) b: WithdrawDto) {
    return this.withdrawals.withdraw('measure', id, b.reason, me.displayName);
  }
}
