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
