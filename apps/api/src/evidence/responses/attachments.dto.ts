import { ApiProperty } from '@nestjs/swagger';
import { CONTENT_TYPES } from '../../../../../libs/evidence';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '文件名（上传时的名称）', example: '2026年困境儿童关爱工作总结.pdf' })
  name!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: '字节数' })
  size!: number;

  @ApiProperty({ enum: CONTENT_TYPES, description: '按扩展名和文件头确定的类型' })
  contentType!: string;

  @ApiProperty({ description: '内容的 SHA-256（十六进制）：相同内容只存一份', pattern: '^[0-9a-f]{64}$' })
  sha256!: string;

  @ApiProperty({ description: '上传人' })
  uploadedBy!: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto] })
  items!: AttachmentDto[];
}
