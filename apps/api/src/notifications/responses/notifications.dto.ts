import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_AUDIENCES } from '../../../../../libs/notifications';
import { PageFieldsDto } from '../../common/common.dto';

export class NotificationDto {
  @ApiProperty({ description: '通知序号（递增整数，以字符串表示）', example: '1' })
  id!: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: '系统通知（如暂定工作日历）为 null' })
  taskId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  eventSeq!: number | null;

  @ApiProperty({ enum: NOTICE_AUDIENCES })
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

export class UndeliverableDto {
  @ApiProperty({ description: '通知序号', example: '1' })
  notificationId!: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: '汇总通知为 null' })
  taskId!: string | null;

  @ApiProperty({ enum: NOTICE_AUDIENCES })
  audience!: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: '未能送达的责任单位' })
  agencyId!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  agencyName!: string | null;

  @ApiProperty()
  message!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: '发现无人可送达的时间' })
  recordedAt!: string;
}

export class UndeliverablePageDto extends PageFieldsDto {
  @ApiProperty({ type: [UndeliverableDto] })
  items!: UndeliverableDto[];
}
