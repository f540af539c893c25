import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../openapi/schema-rules';

export class ActorDto {
  @ApiPropertyOptional({
    description: '操作人（接入登录前由调用方填写）',
    example: '市民政局 张联络员',
    maxLength: 100,
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  actor?: string;
}

const attachmentIds = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: 20,
      description:
        '本任务已上传的佐证材料附件 id（POST /tasks/{id}/attachments）；不属于本任务的为 422 ATTACHMENT_NOT_OF_TASK',
    }),
    OptionalNotNull(),
    IsArray(),
    ArrayMaxSize(20),
    IsUUID('all', { each: true }),
  );

export class ProgressDto extends ActorDto {
  @ApiProperty({ description: '进展情况', minLength: 1, maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  note!: string;

  @attachmentIds()
  attachmentIds?: string[];
}

export class SubmitDto extends ActorDto {
  @ApiProperty({ description: '办结佐证材料说明（不能为空）', minLength: 1, maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  evidence!: string;

  @attachmentIds()
  attachmentIds?: string[];
}

export class ReviewDto extends ActorDto {
  @ApiProperty({ enum: ['accept', 'return'], description: 'accept 通过；return 退回（须说明理由）' })
  @IsIn(['accept', 'return'])
  decision!: 'accept' | 'return';

  @ApiPropertyOptional({ description: '退回理由', maxLength: 10000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  reason?: string;
}

export class ExtensionRequestDto extends ActorDto {
  @ApiProperty({ description: '延期理由', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ description: '申请延期至（YYYY-MM-DD）', example: '2027-04-30' })
  @IsString()
  proposedDate!: string;
}

export class ExtensionDecisionDto extends ActorDto {
  @ApiProperty({ enum: ['approve', 'deny'] })
  @IsIn(['approve', 'deny'])
  decision!: 'approve' | 'deny';

  @ApiPropertyOptional({ description: '批准的日期（不填则按申请日期）', example: '2027-04-30' })
  @OptionalNotNull()
  @IsString()
  dueDate?: string;

  @ApiPropertyOptional({ description: '审批意见（不予批准时必填）', maxLength: 2000 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ReasonDto extends ActorDto {
  @ApiProperty({ description: '理由', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class InstructionDto extends ActorDto {
  @ApiProperty({ description: '批示内容', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text!: string;
}

export class ReassignDto extends ReasonDto {
  @ApiProperty({ format: 'uuid', description: '承接单位（转办给的单位）' })
  @IsUUID()
  agencyId!: string;
}

export class WithdrawDto {
  @ApiProperty({ description: '撤销理由', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}
