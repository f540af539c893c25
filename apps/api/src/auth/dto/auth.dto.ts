import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../../../../libs/auth';
import { OptionalNotNull } from '../../openapi/schema-rules';

export class LoginDto {
  @ApiProperty({ example: 'coordinator' })
  @IsString()
  @MaxLength(100)
  username!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ description: '至少 10 位，含字母和数字', minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'liaison.minzheng' })
  @IsString()
  @Matches(/^[\p{L}\p{N}._-]{2,64}$/u)
  username!: string;

  @ApiProperty({ example: '市民政局 张三' })
  @IsString()
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ description: '至少 10 位，含字母和数字', minLength: 10, maxLength: 200, example: 'Duban2026example' })
  @IsString()
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '联络员所属单位' })
  @OptionalNotNull()
  @IsArray()
  @IsUUID('all', { each: true })
  agencyIds?: string[];
}
