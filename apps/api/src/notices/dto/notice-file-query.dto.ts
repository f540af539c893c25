import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { NoticeFormat } from '../../../../../libs/notices';

export class NoticeFileQueryDto {
  @ApiPropertyOptional({ enum: ['docx', 'pdf'], default: 'docx', description: 'docx：Word（按模板）；pdf：PDF（A4）' })
  @IsOptional()
  @IsIn(['docx', 'pdf'])
  format: NoticeFormat = 'docx';
}
