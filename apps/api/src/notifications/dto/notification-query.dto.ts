import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AUDIENCES } from '../../../../../libs/clock';
import { PageQueryDto } from '../../common/list-query.dto';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIENCES, description: '接收角色' })
  @IsOptional()
  @IsIn(AUDIENCES)
  audience?: (typeof AUDIENCES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: '责任单位（联络员的提醒）' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  taskId?: string;
}
