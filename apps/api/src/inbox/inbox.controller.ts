import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/auth';
import { InboxService } from '../../../../libs/notifications';
import { CurrentUser, SignedIn } from '../auth/access.decorator';
import { InboxQueryDto } from './dto/inbox.dto';
import { uuidParam } from '../common/uuid.pipe';

/** Each signed-in user's own in-app inbox, filled by the delivery workflows. */
@ApiTags('inbox 站内通知')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: '我的站内通知（新的在前），可只看未读' })
  list(@CurrentUser() me: Principal, @Query() q: InboxQueryDto) {
    return this.inbox.list(me.userId, q);
  }

  @Get('unread-count')
  @SignedIn()
  @ApiOperation({ summary: '我的未读通知数' })
  async unreadCount(@CurrentUser() me: Principal) {
    return { count: await this.inbox.unreadCount(me.userId) };
  }

  @Post(':id/read')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: '标记为已读（可重复调用；别人的通知答 404）' })
  markRead(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string) {
    return this.inbox.markRead(me.userId, id);
  }
}
