import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/auth';
import { WebhooksService } from '../../../../libs/notifications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { CreateWebhookDto } from './dto/webhook.dto';
import { uuidParam } from '../common/uuid.pipe';

/** Admins register the endpoints that receive signed notifications (per agency or system-wide). */
@ApiTags('webhooks 通知推送')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Access('admin')
  @ApiOperation({ summary: 'Webhook 列表（不含密钥）' })
  list() {
    return this.webhooks.list();
  }

  @Post()
  @Access('admin')
  @ApiOperation({
    summary:
      '新增 webhook：POST JSON，头 X-Duban-Timestamp、X-Duban-Signature（hex HMAC-SHA256(密钥, `时间戳.正文`)）、X-Duban-Idempotency-Key；密钥只返回这一次',
  })
  create(@CurrentUser() me: Principal, @Body() b: CreateWebhookDto) {
    return this.webhooks.create({ ...b, createdBy: me.username });
  }

  @Post(':id/disable')
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '停用 webhook（可重复调用）' })
  disable(@Param('id', uuidParam) id: string) {
    return this.webhooks.disable(id);
  }
}
