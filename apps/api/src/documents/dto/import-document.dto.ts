import { ApiProperty } from '@nestjs/swagger';
import { IsString, MinLength } from 'class-validator';

/** A short document the parser accepts and whose parties are all in the seeded registry. */
export const DOCUMENT_TEXT_EXAMPLE = [
  '天津市人民政府办公厅关于加强困境儿童关爱服务的通知',
  '一、加强基本保障',
  '（一）完善基本生活保障。健全困境儿童基本生活保障标准动态调整机制。（市民政局负责）',
  '（二）做好教育资助。落实困境儿童教育资助政策。（市教委负责）',
].join('\n');

export class ImportDocumentDto {
  @ApiProperty({ description: '政策文件全文（UTF-8 文本）', minLength: 1, example: DOCUMENT_TEXT_EXAMPLE })
  @IsString()
  @MinLength(1)
  text!: string;
}
