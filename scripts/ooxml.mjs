// The OOXML parts the default Word templates are written from (scripts/build-*-template*.mjs).
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Sizes in half-points: 二号 22pt (44), 三号 16pt (32), 小三 15pt (30), 四号 14pt (28), 小四 12pt (24).
export function run(text, { bold = false, size = 32, color, font = '仿宋_GB2312' } = {}) {
  const props = [
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}"/>`,
    bold ? '<w:b/>' : '',
    color ? `<w:color w:val="${color}"/>` : '',
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
  ].join('');
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

export function para(
  text,
  { align = 'left', indent = false, spacingAfter = 0, line = 520, border = false, ...style } = {},
) {
  const pPr = [
    border ? `<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="C00000"/></w:pBdr>` : '',
    `<w:spacing w:after="${spacingAfter}" w:line="${line}" w:lineRule="exact"/>`,
    indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : '',
    `<w:jc w:val="${align}"/>`,
  ].join('');
  return `<w:p><w:pPr>${pPr}</w:pPr>${run(text, style)}</w:p>`;
}

const cell = (text, width, style = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${para(text, { size: 24, ...style })}</w:tc>`;
const row = (cells) => `<w:tr>${cells.join('')}</w:tr>`;

/** A bordered table of a header row and one body row (a docxtemplater loop across its cells). */
export function table(header, body, widths) {
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

const SECTION =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx of the paragraphs and tables given, on A4 with 公文 margins; the same bytes every time. */
export function docx(bodyXml) {
  const date = new Date('2026-01-01T00:00:00Z');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${bodyXml}${SECTION}</w:body></w:document>`;
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES, { date });
  zip.file('_rels/.rels', RELS, { date });
  zip.file('word/document.xml', document, { date });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
