// Writes the default notice templates (libs/notices/templates/*.docx) from OOXML parts with pizzip.
// Run once after changing them: node scripts/build-notice-templates.mjs. The .docx files are committed;
// an admin may replace either with their own 红头 template (PUT /notice-templates/{kind}).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Sizes in half-points: 二号 22pt, 三号 16pt, 小三 15pt, 四号 14pt.
function run(text, { bold = false, size = 32, color, font = '仿宋_GB2312' } = {}) {
  const props = [
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}"/>`,
    bold ? '<w:b/>' : '',
    color ? `<w:color w:val="${color}"/>` : '',
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
  ].join('');
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}
function para(text, { align = 'left', indent = false, spacingAfter = 0, border = false, ...style } = {}) {
  const pPr = [
    border ? `<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="C00000"/></w:pBdr>` : '',
    `<w:spacing w:after="${spacingAfter}" w:line="520" w:lineRule="exact"/>`,
    indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : '',
    `<w:jc w:val="${align}"/>`,
  ].join('');
  return `<w:p><w:pPr>${pPr}</w:pPr>${run(text, style)}</w:p>`;
}
const cell = (text, width, style = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${para(text, { size: 24, ...style })}</w:tc>`;
const row = (cells) => `<w:tr>${cells.join('')}</w:tr>`;
function table(header, body, widths) {
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    row(header.map((h, i) => cell(h, widths[i], { bold: true, align: 'center', font: '黑体' }))) +
    row(body.map((b, i) => cell(b, widths[i]))) +
    '</w:tbl>'
  );
}

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
  const sect =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}${sect}</w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

// A fixed date for every entry, so rebuilding gives the same bytes.
const date = new Date('2026-01-01T00:00:00Z');
for (const [kind, name] of [
  ['supervision', '督办通知单'],
  ['urge', '催办通知书'],
]) {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES, { date });
  zip.file('_rels/.rels', RELS, { date });
  zip.file('word/document.xml', documentXml(kind), { date });
  const out = path.join(root, 'libs', 'notices', 'templates', `${name}.docx`);
  writeFileSync(out, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  console.log(`wrote ${path.relative(root, out)}`);
}
