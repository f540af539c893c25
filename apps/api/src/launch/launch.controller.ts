import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LaunchService } from '../../../../libs/launch';
import { Access } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { uuidParam } from '../common/uuid.pipe';
import { LaunchDocumentDto } from './dto/launch-document.dto';
import { LaunchResultDto } from './responses/launch.dto';

@ApiTags('documents 政策文件')
@Controller('documents')
export class LaunchController {
  constructor(private readonly launches: LaunchService) {}

  @Post(':id/launch')
  @Access('coordinator')
  @HttpCode(202)
  @ApiOperation({
    summary: '下发：为每项措施的每个责任单位启动督办工作流（重复调用不会重复启动）',
    description: '截止日期按国家法定节假日及调休工作日计算；工作日历未覆盖的年份会被拒绝（422 CALENDAR_NOT_COVERED）。',
  })
  @ApiAcceptedResponse({ type: LaunchResultDto })
  @ApiErrors(409, 422, 503)
  launch(@Param('id', uuidParam) id: string, @Body() body: LaunchDocumentDto) {
    return this.launches.launch(id, body);
  }
}
