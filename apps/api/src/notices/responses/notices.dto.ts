import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_KINDS, type NoticeKind, TEMPLATE_KINDS, type TemplateKind } from '../../../../../libs/notices';

export class NoticeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ enum: NOTICE_KINDS, description: 'supervision：督办通知单（下达时）；urge：催办通知书（催办当日）' })
  kind!: NoticeKind;

  @ApiProperty({ enum: ['督办通知单', '催办通知书'] })
  title!: string;

  @ApiProperty({
    description: '文号：按文件、种类和年度编号，首次列出或下载时编定，此后不变',
    example: '督〔2026〕3号',
  })
  number!: string;

  @ApiProperty({ format: 'uuid' })
  agencyId!: string;

  @ApiProperty({ example: '市民政局' })
  agency!: string;

  @ApiProperty({ format: 'date', description: '成文日期（北京时间）：下达之日，或催办之日' })
  day!: string;
}

export class NoticeListDto {
  @ApiProperty({ type: [NoticeDto] })
  items!: NoticeDto[];
}

export class NoticeTemplateDto {
  @ApiProperty({ enum: TEMPLATE_KINDS })
  kind!: TemplateKind;

  @ApiProperty({ description: 'true：管理员上传的模板；false：系统默认模板' })
  custom!: boolean;

  @ApiProperty({ example: '督办通知单.docx' })
  name!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  size!: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  sha256!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  uploadedAt!: string | null;
}

export class NoticeTemplateResetDto extends NoticeTemplateDto {
  @ApiProperty({ description: 'false：原本就是默认模板，未作改动' })
  reset!: boolean;
}
