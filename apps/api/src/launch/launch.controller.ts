import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LaunchService } from '../../../../libs/launch';
import { Access } from '../auth/access.decorator';
import { ApiErrors } from '../common/common.dto';
import { uuidParam } from '../common/uuid.pipe';
import { LaunchDocumentDto } from './dto/launch-document.dto';
import { LaunchPreviewDto, LaunchResultDto } from './responses/launch.dto';

@ApiTags('documents 政策文件')
@Controller('documents')
export class LaunchController {
  constructor(private readonly launches: LaunchService) {}

  @Post(':id/launch/preview')
  @Access('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: '下发预览：逐项列出措施的拟定截止日期、依据、文件规定的时限和问题（只读，不记审计）',
    description:
      '请求体与下发相同。请求本身有误（日期格式、已过的日期、未覆盖的年份、不属于该文件或重复的措施）与下发同样拒绝；' +
      '文件规定的时限已过、日历未覆盖等逐项列在 problem 中，blocking 为 true 的措施须逐项指定日期后才能下发。',
  })
  @ApiOkResponse({ type: LaunchPreviewDto })
  @ApiBody({ type: LaunchDocumentDto, required: false, description: '可省略：按文件规定的时限预览' })
  @ApiErrors(422)
  preview(@Param('id', uuidParam) id: string, @Body() body: LaunchDocumentDto) {
    return this.launches.preview(id, body);
  }

  @Post(':id/launch')
  @Access('coordinator')
  @HttpCode(202)
  @ApiOperation({
    summary: '下发：为每项措施的每个责任单位启动督办工作流（重复调用不会重复启动）',
    description:
      '截止日期按国家法定节假日及调休工作日计算；工作日历未覆盖的年份会被拒绝（422 CALENDAR_NOT_COVERED）。' +
      '每项措施的截止日期依次取逐项指定、文件规定的时限、全文统一日期，先用 /launch/preview 查看。',
  })
  @ApiAcceptedResponse({ type: LaunchResultDto })
  @ApiErrors(409, 422, 503)
  launch(@Param('id', uuidParam) id: string, @Body() body: LaunchDocumentDto) {
    return this.launches.launch(id, body);
  }
}
