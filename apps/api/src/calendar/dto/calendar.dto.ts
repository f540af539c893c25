import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../../../../../libs/calendar';
import { OptionalNotNull } from '../../openapi/schema-rules';

const DAY_KINDS = ['holiday', 'workday', 'normal'] as const;

// Day formats and calendar rules are checked by the calendar service, which names the bad day in Chinese.
export class CalendarEntryDto {
  @ApiProperty({ description: '日期（YYYY-MM-DD）', example: '2027-10-01' })
  @IsString()
  day!: string;

  @ApiPropertyOptional({ description: '节日名称', example: '国庆节', maxLength: 50 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(50)
  name?: string;
}

export class ChangeReasonDto {
  @ApiProperty({
    description: '修改理由（如依据的放假通知文号，不能为空）',
    example: '国办发明电〔2026〕1号',
    minLength: 1,
    maxLength: 1000,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class PutCalendarYearDto extends ChangeReasonDto {
  @ApiProperty({
    type: [CalendarEntryDto],
    description: '放假日（含周末放假日），每天一条；至少一天（否则 422 INVALID_CALENDAR）',
    minItems: 1,
    example: [
      { day: '2027-10-01', name: '国庆节' },
      { day: '2027-10-04', name: '国庆节' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarEntryDto)
  holidays!: CalendarEntryDto[];

  @ApiProperty({
    type: [CalendarEntryDto],
    description: '调休上班日（只能是周六或周日，不能同时是放假日）',
    example: [{ day: '2027-10-09', name: '国庆节' }],
  })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarEntryDto)
  workdays!: CalendarEntryDto[];
}

export class SetCalendarDayDto extends ChangeReasonDto {
  @ApiProperty({ enum: DAY_KINDS, description: 'holiday 放假；workday 调休上班（仅周末）；normal 恢复为普通日' })
  @IsIn(DAY_KINDS)
  kind!: (typeof DAY_KINDS)[number];

  @ApiPropertyOptional({ description: '节日名称', maxLength: 50 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(50)
  name?: string;
}

export class CalendarChangesQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    description: '只看某一年的修改',
    minimum: MIN_CALENDAR_YEAR,
    maximum: MAX_CALENDAR_YEAR,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_CALENDAR_YEAR)
  @Max(MAX_CALENDAR_YEAR)
  year?: number;
}

export class HolidayNoticeDto {
  @ApiProperty({
    description:
      '国务院办公厅关于 YYYY 年部分节假日安排的通知（全文粘贴），或节假日日历文件（iCalendar，BEGIN:VCALENDAR 开头）',
    example: '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
    minLength: 1,
    maxLength: 200000,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200000)
  text!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_CALENDAR_YEAR,
    maximum: MAX_CALENDAR_YEAR,
    description: '日历文件含多个年度时要载入的年份（通知全文自带年份，无需填写）',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(MIN_CALENDAR_YEAR)
  @Max(MAX_CALENDAR_YEAR)
  year?: number;
}
