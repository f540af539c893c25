import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ActorDto {
  @ApiPropertyOptional({
    description: '操作人（接入登录前由调用方填写）',
    example: '市民政局 张联络员',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}

export class ProgressDto extends ActorDto {
  @ApiProperty({ description: '进展情况', maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  note!: string;
}

export class SubmitDto extends ActorDto {
  @ApiProperty({ description: '办结佐证材料说明（不能为空）', maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  evidence!: string;
}

export class ReviewDto extends ActorDto {
  @ApiProperty({ enum: ['accept', 'return'], description: 'accept 通过；return 退回（须说明理由）' })
  @IsIn(['accept', 'return'])
  decision!: 'accept' | 'return';

  @ApiPropertyOptional({ description: '退回理由', maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  reason?: string;
}

export class ExtensionRequestDto extends ActorDto {
  @ApiProperty({ description: '延期理由', maxLength: 2000 })
  @IsString()
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
  @IsOptional()
  @IsString()
  dueDate?: string;

  @ApiPropertyOptional({ description: '审批意见（不予批准时必填）', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ReasonDto extends ActorDto {
  @ApiProperty({ description: '理由', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class InstructionDto extends ActorDto {
  @ApiProperty({ description: '批示内容', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  text!: string;
}
