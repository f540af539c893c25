import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { NOTICE_AUDIENCES } from '../../../../../libs/notifications';
import { PageQueryDto } from '../../common/list-query.dto';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTICE_AUDIENCES, description: '接收角色' })
  @IsOptional()
  @IsIn(NOTICE_AUDIENCES)
  audience?: (typeof NOTICE_AUDIENCES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: '责任单位（联络员的提醒）' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  taskId?: string;
}
