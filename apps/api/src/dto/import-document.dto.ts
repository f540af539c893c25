import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

export class ImportDocumentDto {
  @ApiProperty({ description: '政策文件全文（UTF-8 文本）', example: '天津市人民政府办公厅关于……的实施意见\n一、……' })
  @IsString()
  text!: string;
}
