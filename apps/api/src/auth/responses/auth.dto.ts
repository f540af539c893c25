import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../../../libs/auth';
import { NamedRefDto } from '../../common/common.dto';

export class NamedUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;
}

export class ActingForDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  agencyIds!: string[];
}

export class PrincipalDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ type: [String], format: 'uuid', description: '联络员所属单位' })
  agencyIds!: string[];

  @ApiPropertyOptional({ type: [ActingForDto], description: '今日由本人代理的联络员（代理期间可办理其单位的任务）' })
  actingFor?: ActingForDto[];
}

export class TokenPairDto {
  @ApiProperty({ description: '访问令牌（Authorization: Bearer …）' })
  accessToken!: string;

  @ApiProperty({ type: 'integer', description: '访问令牌有效秒数' })
  expiresIn!: number;

  @ApiProperty({ description: '刷新令牌（一次性，换取新令牌后失效）' })
  refreshToken!: string;

  @ApiProperty({ type: PrincipalDto })
  user!: PrincipalDto;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ type: [NamedRefDto] })
  agencies!: NamedRefDto[];

  @ApiProperty({ type: [NamedRefDto], description: '领导分管的单位' })
  supervisedAgencies!: NamedRefDto[];

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
}

export class DeputyDto {
  @ApiProperty({ type: NamedUserDto })
  deputy!: NamedUserDto;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;
}

export class DeputyEndedDto {
  @ApiProperty({ description: '是否结束了一项代理（原本没有代理时为 false）' })
  ended!: boolean;
}
