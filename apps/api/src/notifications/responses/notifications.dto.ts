import { ApiProperty } from '@nestjs/swagger';
import { AUDIENCES } from '../../../../../libs/clock';
import { PageFieldsDto } from '../../common/common.dto';

export class NotificationDto {
  @ApiProperty({ description: '通知序号（递增整数，以字符串表示）', example: '1' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ type: 'integer' })
  eventSeq!: number;

  @ApiProperty({ enum: AUDIENCES })
  audience!: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  agencyId!: string | null;

  @ApiProperty()
  message!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class NotificationPageDto extends PageFieldsDto {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];
}
