import { ApiProperty } from '@nestjs/swagger';
import { ParseResultDto } from '../../documents/responses/documents.dto';

export class ImportPreviewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['preview', 'confirmed'] })
  status!: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: '确认后生成的文件' })
  documentId!: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  revisesDocumentId!: string | null;

  @ApiProperty({ type: ParseResultDto })
  parse!: ParseResultDto;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '已做的修正（op 及其字段，by、at、reason）',
  })
  corrections!: Record<string, unknown>[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '将生成的任务清单：measures、tasks、unresolved、newAgencies、taskCount',
  })
  plan!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '与被修订文件相比的变化：added、removed、changed',
  })
  diff!: Record<string, unknown> | null;
}

export class ImportConfirmResultDto {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  taskCount!: number;

  @ApiProperty({ description: '此前已确认（未重复生成）' })
  alreadyConfirmed!: boolean;
}
