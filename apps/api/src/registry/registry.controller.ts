import { Access } from '../auth/access.decorator';
import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegistryService } from '../../../../libs/documents';
import { AgencyQueryDto, CreateAgencyDto, PutGroupDto, UpdateAgencyDto } from '../imports/dto/import.dto';
import { ApiErrors } from '../common/common.dto';
import { AgencyDto, AgencyGroupDto } from './responses/registry.dto';
import { uuidParam } from '../common/uuid.pipe';

@ApiTags('agencies 单位库')
@Controller()
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Get('agencies')
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @ApiOperation({ summary: '单位列表：类别、简称、所属单位组、在办任务数' })
  @ApiOkResponse({ type: [AgencyDto] })
  list(@Query() q: AgencyQueryDto) {
    return this.registry.listAgencies(q);
  }

  @Post('agencies')
  @Access('admin')
  @ApiOperation({ summary: '新建单位（管理员）' })
  @ApiCreatedResponse({ type: AgencyDto })
  @ApiErrors(409)
  create(@Body() body: CreateAgencyDto) {
    return this.registry.createAgency({ name: body.name.trim(), kind: body.kind, aliases: body.aliases ?? [] });
  }

  @Patch('agencies/:id')
  @Access('admin')
  @ApiOperation({ summary: '修改单位类别、增删简称（管理员）' })
  @ApiBody({ type: UpdateAgencyDto, required: false, description: '只改填写的字段；不带请求体则不作修改' })
  @ApiOkResponse({ type: AgencyDto })
  @ApiErrors(409)
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateAgencyDto) {
    return this.registry.updateAgency(id, body);
  }

  @Get('agency-groups')
  @Access('admin', 'coordinator', 'leader', 'liaison')
  @ApiOperation({ summary: '单位组（如「各区人民政府」）及其成员' })
  @ApiOkResponse({ type: [AgencyGroupDto] })
  groups() {
    return this.registry.listGroups();
  }

  @Put('agency-groups/:name')
  @Access('admin')
  @ApiOperation({ summary: '新建或替换单位组成员（管理员）：导入时该名称展开为每个成员一项任务' })
  @ApiOkResponse({ type: AgencyGroupDto })
  putGroup(@Param('name') name: string, @Body() body: PutGroupDto) {
    return this.registry.putGroup(name, body);
  }
}
