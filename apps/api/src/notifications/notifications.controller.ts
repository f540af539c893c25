import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { agencyScope, hasAnyRole, type Principal } from '../../../../libs/auth';
import { NotificationQueryService } from '../../../../libs/notifications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { PageQueryDto } from '../common/list-query.dto';
import { NotificationPageDto, UndeliverablePageDto } from './responses/notifications.dto';

@ApiTags('tasks 督办任务')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueryService) {}

  @Get('notifications')
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @ApiOperation({
    summary: '提醒、催办、督办、批示等通知（联络员只看到发给本单位的，领导看不到发给其他领导的汇总；新的在前）',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  listNotifications(@CurrentUser() me: Principal, @Query() q: NotificationQueryDto) {
    // A leader's digest is theirs: other leaders do not see it; coordinators and admins see every notice.
    const addressee = hasAnyRole(me, ['admin', 'coordinator']) ? undefined : me.userId;
    return this.notifications.list({ ...q, scope: agencyScope(me), addressee });
  }

  @Get('notifications/undeliverable')
  @Access('admin', 'coordinator')
  @ApiOperation({
    summary: '无法送达的通知（如责任单位没有在岗的联络员）：请协调处室另行通知，或请管理员为该单位开通联络员账号',
  })
  @ApiOkResponse({ type: UndeliverablePageDto })
  listUndeliverable(@Query() q: PageQueryDto) {
    return this.notifications.undeliverable(q);
  }
}
