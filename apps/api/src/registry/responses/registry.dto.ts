import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_KINDS, type AgencyKind } from '../../../../../libs/documents';
import { NamedRefDto } from '../../common/common.dto';

export class AgencyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  kind!: AgencyKind;

  @ApiProperty({ type: [String] })
  aliases!: string[];

  @ApiProperty({ type: [String], description: '所属单位组名称' })
  groups!: string[];

  @ApiProperty({ type: 'integer', minimum: 0, description: '在办任务数' })
  openTasks!: number;
}

export class AgencyGroupDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'string', nullable: true })
  description!: string | null;

  @ApiProperty({ type: [NamedRefDto] })
  members!: NamedRefDto[];
}
