export { NoticesModule } from './notices.module';
export {
  NoticesService,
  CONTENT_TYPES as NOTICE_CONTENT_TYPES,
  type NoticeView,
  type NoticeFile,
  type TemplateView,
} from './notices.service';
export { NOTICE_ERRORS, NoticeError, type NoticeErrorCode } from './notices.errors';
export {
  NOTICE_KINDS,
  NOTICE_TITLES,
  formatNoticeNumber,
  type NoticeKind,
  type NoticeFormat,
  TEMPLATE_KINDS,
  type TemplateKind,
} from './domain/notice-number';
export { REQUIRED_PLACEHOLDERS } from './domain/notice-content';
export { assertFonts, CJK_FONTS, type CjkFonts, cjkPdf, fontWarnings, redHeader } from './pdf-render';
export { renderDocx } from './docx-render';
