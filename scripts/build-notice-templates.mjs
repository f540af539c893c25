// Writes the default notice templates (libs/notices/templates/*.docx) from OOXML parts with pizzip.
// Run once after changing them: node scripts/build-notice-templates.mjs. The .docx files are committed;
// an admin may replace either with their own 红头 template (PUT /notice-templates/{kind}).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { docx, para, table } from './ooxml.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function documentXml(kind) {
  const supervision = kind === 'supervision';
  const body = [
    para('{issuer}', { align: 'center', bold: true, size: 44, color: 'C00000', font: '方正小标宋简体', border: true }),
    para('{title}', { align: 'center', bold: true, size: 44, font: '方正小标宋简体', spacingAfter: 120 }),
    para('{number}', { align: 'center', size: 32 }),
    para('{agency}：', { size: 32 }),
    para(
      supervision
        ? '根据《{documentTitle}》{docNumber}的任务分工，你单位承担下列任务。请按办理时限抓紧落实，通过督办系统报告进展、提交办结材料。'
        : '你单位承担的下列任务已超过办理时限，现予催办。请立即办理，并通过督办系统说明逾期原因、报告进展。',
      { indent: true },
    ),
    supervision
      ? table(
          ['序号', '措施', '职责', '办理时限'],
          ['{#measures}{seq}', '{measureNumber}{measureTitle}', '{role}', '{dueDate}{/measures}'],
          [800, 5000, 1300, 1900],
        )
      : table(
          ['序号', '措施', '办理时限', '已逾期'],
          ['{#measures}{seq}', '{measureNumber}{measureTitle}', '{dueDate}', '{overdue}{/measures}'],
          [800, 5000, 1900, 1300],
        ),
    para('联系方式', { bold: true, font: '黑体', spacingAfter: 0 }),
    para('督办单位：{coordinator}　{coordinatorContact}', { size: 28 }),
    para('{#contacts}', { size: 28 }),
    para('本单位联络员：{name}　电话：{phone}　邮箱：{email}', { size: 28 }),
    para('{/contacts}', { size: 28 }),
    para('{issuer}', { align: 'right' }),
    para('{date}', { align: 'right' }),
  ].join('');
  return body;
}

for (const [kind, name] of [
  ['supervision', '督办通知单'],
  ['urge', '催办通知书'],
]) {
  const out = path.join(root, 'libs', 'notices', 'templates', `${name}.docx`);
  writeFileSync(out, docx(documentXml(kind)));
  console.log(`wrote ${path.relative(root, out)}`);
}
