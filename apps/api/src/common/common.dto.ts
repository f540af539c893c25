import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** Every error answer (ErrorBody in api-error.filter.ts): a status, a stable code and a message. */
export class ApiErrorDto {
  @ApiProperty({ type: 'integer', example: 400, minimum: 400, maximum: 599 })
  statusCode!: number;

  @ApiProperty({ description: '稳定的错误代码，如 VALIDATION_FAILED、TASK_NOT_FOUND', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ description: '中文说明', example: '请求参数有误：text must be a string' })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: '补充信息（如 problems 逐条列出校验问题）',
  })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: '仅 500：请将此编号告知管理员，日志中可据此查到原因' })
  errorId?: string;
}

/** Page envelope fields shared by list answers. */
export class PageFieldsDto {
  @ApiProperty({ type: 'integer', minimum: 0 })
  total!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  pageSize!: number;
}

export class NamedRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求有误（参数校验失败、JSON 无法解析等）',
  401: '未登录或令牌无效',
  403: '无权执行此操作',
  404: '对象不存在（或不在本人可见范围内）',
  409: '与当前状态冲突',
  413: '请求体过大',
  415: '不支持的请求体类型或字符集',
  422: '请求格式正确但无法办理（如日期已过、日历未覆盖）',
  429: '请求过于频繁',
  500: '服务器内部错误（errorId 可在日志中查到原因）',
  503: '依赖服务暂不可用，请稍后重试',
};

export const errorDescription = (status: number): string => ERROR_DESCRIPTIONS[status] ?? '错误';

/**
 * Error answers specific to a route (conflicts, unprocessable requests, ids in the body that may
 * not exist, an unavailable workflow service). The ones every route of a kind can give (400, 401,
 * 403, 404 on paths with parameters, 413, 415, 429, 500) are added to the document in bootstrap.ts.
 */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, type: ApiErrorDto, description: errorDescription(status) })),
  );
