import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../openapi/schema-rules';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://oa.example.gov.cn/duban/webhook', description: '接收地址（http 或 https）' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @Matches(/^https?:\/\//)
  url!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '只接收发给该单位的通知；不填为全局（接收全部通知）' })
  @OptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: '市民政局 OA 对接' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ description: '签名密钥（至少 16 位）；不填则生成，只在创建时返回一次' })
  @OptionalNotNull()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;
}
