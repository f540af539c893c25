import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AGENCY_KINDS, type AgencyKind } from '../../../../../libs/documents';
import { DOCUMENT_TEXT_EXAMPLE } from '../../documents/dto/import-document.dto';
import { OptionalNotNull } from '../../openapi/schema-rules';
import { ActorDto } from '../../tasks/dto/task-actions.dto';

const OPS = ['mapParty', 'createAgency', 'dropParty', 'addParty', 'setRole', 'dropMeasure'] as const;
const ROLES = ['lead', 'shared', 'cooperating', 'guiding', 'implied'] as const;

export class CreateImportDto extends ActorDto {
  @ApiProperty({ description: '政策文件全文（UTF-8 文本）', minLength: 1, example: DOCUMENT_TEXT_EXAMPLE })
  @IsString()
  @MinLength(1)
  text!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '修订已确认的文件时填写：预览会列出与其相比的变化' })
  @OptionalNotNull()
  @IsUUID()
  revisesDocumentId?: string;
}

export class EditDto {
  @ApiProperty({
    enum: OPS,
    description:
      'mapParty 对应到已有单位（party, agencyId）；createAgency 新建单位（party, name?, kind）；dropParty 删除（party, measure?）；addParty 增加（measure, party, role）；setRole 改角色（measure, party, role）；dropMeasure 删除措施（measure）',
  })
  @IsIn(OPS)
  op!: (typeof OPS)[number];

  @ApiPropertyOptional({ description: '单位名称（按原文）' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  party?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: '措施序号（从 1 起，按文件顺序）' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  measure?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ description: '新建单位的规范名称（默认同 party）' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @OptionalNotNull()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ enum: ROLES })
  @OptionalNotNull()
  @IsIn(ROLES)
  role?: (typeof ROLES)[number];
}

export class CorrectImportDto extends ActorDto {
  @ApiProperty({ description: '修正理由（记入修改记录）', minLength: 1, maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;

  @ApiProperty({ type: [EditDto], minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => EditDto)
  edits!: EditDto[];
}

export class CreateAgencyDto {
  @ApiProperty({ example: '市示例管理局', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind!: AgencyKind;

  @ApiPropertyOptional({ type: [String], example: ['市示例局'] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  aliases?: string[];
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @OptionalNotNull()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  addAliases?: string[];

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  removeAliases?: string[];
}

export class AgencyQueryDto {
  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ description: '按名称或简称查找' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PutGroupDto {
  @ApiPropertyOptional({ example: '天津市16个区人民政府' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberIds!: string[];
}

export class UploadQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: '修订已确认的文件时填写' })
  @IsOptional()
  @IsUUID()
  revisesDocumentId?: string;
}
