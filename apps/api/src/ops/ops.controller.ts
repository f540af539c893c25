import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorator';
import { ApiErrorDto } from '../common/common.dto';
import { HealthDto, ReadyDto } from './responses/ops.dto';
import { MetricsService } from './metrics.service';
import { type Dependency, ReadinessService } from './readiness.service';
import { NoRateLimit } from './rate-limit';

const NAMES: Record<Dependency, string> = { postgres: 'PostgreSQL', temporal: 'Temporal' };

/** Liveness, readiness and metrics for the orchestrator and Prometheus. */
@ApiTags('ops')
@Public()
@NoRateLimit()
@Controller()
export class OpsController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly metricsService: MetricsService,
  ) {}

  @Get('health')
  @ApiOperation({ summary: '存活检查（进程在运行）' })
  @ApiOkResponse({ type: HealthDto })
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: '就绪检查（PostgreSQL 与 Temporal 可达）；warnings 为需要管理员处理但不影响服务的事项' })
  @ApiOkResponse({ type: ReadyDto, description: '可以处理请求' })
  @ApiResponse({
    status: 503,
    type: ApiErrorDto,
    description: '依赖不可用（code NOT_READY），details.failed 指明哪一个',
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    const checks = await this.readiness.check();
    const failed = (Object.keys(checks) as Dependency[]).filter((d) => checks[d] === 'down');
    if (failed.length === 0) return { status: 'ready', checks, warnings: await this.readiness.warnings() };
    res.status(503);
    return {
      statusCode: 503,
      code: 'NOT_READY',
      message: `依赖服务不可用：${failed.map((d) => NAMES[d]).join('、')}`,
      details: { checks, failed },
    };
  }

  // Prometheus text, not JSON: kept out of the OpenAPI document.
  @Get('metrics')
  @ApiExcludeEndpoint()
  async metrics(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.type(this.metricsService.registry.contentType);
    return this.metricsService.metrics();
  }
}
