import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
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

export class UpdateUserDto {
  @ApiPropertyOptional({ example: '市民政局 张三', minLength: 1, maxLength: 100 })
  @OptionalNotNull()
  @IsString()
  @Matches(/\S/, { message: 'displayName 不能为空' })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, minItems: 1, maxItems: ROLES.length })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 200, description: '联络员所属单位（整体替换）' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  agencyIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 200, description: '领导分管的单位（整体替换）' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  supervisedAgencyIds?: string[];

  @ApiPropertyOptional({ description: '停用后不能登录，已有令牌（含刷新令牌）随即失效' })
  @OptionalNotNull()
  @IsBoolean()
  disabled?: boolean;
}

export class UpdateContactDto {
  @ApiPropertyOptional({
    description: '电子邮箱；空字符串表示清除',
    maxLength: 254,
    example: 'zhangsan@example.gov.cn',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(254)
  @ValidateIf((_o: object, v: unknown) => v !== '')
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({
    description: '电话：手机号码或带区号的固定电话；空字符串表示清除',
    maxLength: 30,
    example: '022-23456789',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(30)
  phone?: string;
}

export class SetDeputyDto {
  @ApiProperty({ format: 'uuid', description: '代理人（另一名联络员）的用户 id' })
  @IsUUID('all')
  userId!: string;

  @ApiProperty({ format: 'date', example: '2026-12-07', description: '代理开始日（北京时间，含当日）' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-12-11', description: '代理结束日（北京时间，含当日）' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to!: string;
}
