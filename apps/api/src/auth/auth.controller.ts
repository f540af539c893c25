import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthService, type Principal, UsersService } from '../../../../libs/auth';
import {
  ChangePasswordDto,
  CreateUserDto,
  LoginDto,
  RefreshDto,
  SetDeputyDto,
  UpdateContactDto,
  UpdateUserDto,
} from './dto/auth.dto';
import { DeputyDto, DeputyEndedDto, PrincipalDto, TokenPairDto, UserDto } from './responses/auth.dto';
import { ApiErrors } from '../common/common.dto';
import { AuthRateLimit } from '../ops/rate-limit';
import { Access, CurrentUser, Public, SignedIn } from './access.decorator';
import { noNulPipe } from '../common/no-nul.pipe';
import { uuidParam } from '../common/uuid.pipe';

@ApiTags('auth 登录与用户')
@ApiBearerAuth()
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/login')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOperation({ summary: '登录：返回短期访问令牌（Bearer）和刷新令牌' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(401)
  login(@Body() body: LoginDto) {
    return this.auth.login(body.username, body.password);
  }

  @Post('auth/refresh')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新令牌换取新的令牌（旧刷新令牌随即失效）' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(401)
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录：本人所有令牌立即失效' })
  @ApiNoContentResponse({ description: '已退出' })
  async logout(@CurrentUser() me: Principal) {
    await this.auth.logout(me.userId);
  }

  @Post('auth/password')
  @SignedIn()
  @AuthRateLimit()
  @HttpCode(204)
  @ApiOperation({ summary: '修改密码：旧令牌全部失效，须重新登录' })
  @ApiNoContentResponse({ description: '已修改' })
  async changePassword(@CurrentUser() me: Principal, @Body() body: ChangePasswordDto) {
    await this.auth.changePassword(me.userId, body.currentPassword, body.newPassword);
  }

  @Get('auth/me')
  @SignedIn()
  @ApiOperation({ summary: '当前用户：角色与所属单位' })
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentUser() me: Principal) {
    return me;
  }

  @Patch('auth/me')
  @SignedIn()
  @ApiOperation({ summary: '本人联系方式：电子邮箱、电话（手机或固定电话）' })
  @ApiBody({ type: UpdateContactDto, required: false, description: '只改填写的字段；空字符串表示清除' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400)
  updateMe(@CurrentUser() me: Principal, @Body(noNulPipe) body: UpdateContactDto) {
    return this.users.updateContact(me.userId, body);
  }

  @Post('auth/me/deputy')
  @Access('liaison')
  @ApiOperation({
    summary: '指定代理人（联络员）：期间内代理人可办理本人所属单位的任务，记为「甲 代 乙」；再次指定即替换',
  })
  @ApiCreatedResponse({ type: DeputyDto })
  @ApiErrors(400, 422)
  setDeputy(@CurrentUser() me: Principal, @Body(noNulPipe) body: SetDeputyDto) {
    return this.users.setDeputy(me.userId, { deputyId: body.userId, from: body.from, to: body.to });
  }

  @Delete('auth/me/deputy')
  @Access('liaison')
  @ApiOperation({ summary: '结束代理（联络员）：本人指定的代理人即日起不再代为办理；没有代理时不变' })
  @ApiOkResponse({ type: DeputyEndedDto })
  endDeputy(@CurrentUser() me: Principal) {
    return this.users.endDeputy(me.userId);
  }

  @Get('users')
  @Access('admin')
  @ApiOperation({ summary: '用户列表（管理员）' })
  @ApiOkResponse({ type: [UserDto] })
  list() {
    return this.users.list();
  }

  @Post('users')
  @Access('admin')
  @ApiOperation({ summary: '新建用户（管理员）' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(409)
  create(@Body() body: CreateUserDto) {
    return this.users.create({ ...body, agencyIds: body.agencyIds ?? [] });
  }

  @Patch('users/:id')
  @Access('admin')
  @ApiOperation({ summary: '修改用户（管理员）：姓名、角色、所属单位、分管单位、停用' })
  @ApiBody({ type: UpdateUserDto, required: false, description: '只改填写的字段；单位列表整体替换' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404, 409, 422)
  update(@CurrentUser() me: Principal, @Param('id', uuidParam) id: string, @Body(noNulPipe) body: UpdateUserDto) {
    return this.users.update(id, body, me.userId);
  }
}
