// Writes the default 情况通报 template (libs/notices/templates/情况通报.docx) from OOXML parts with
// pizzip. Run once after changing it: node scripts/build-circular-template.mjs. The .docx is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { docx, para, table } from './ooxml.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const body1 = (text, style = {}) => para(text, { line: 560, ...style });
const heading = (text) => body1(text, { font: '黑体', indent: true });
const body = [
  body1('{issuer}', { align: 'center', bold: true, size: 44, color: 'C00000', font: '方正小标宋简体', border: true }),
  body1('{title}', { align: 'center', bold: true, size: 44, font: '方正小标宋简体' }),
  body1('（{periodText}）', { align: 'center', size: 32 }),
  heading('一、总体情况'),
  body1('{summary}', { indent: true }),
  heading('二、进展滞后'),
  body1('{#lagging}{agency}：{measure}{overdueText}{/lagging}', { indent: true }),
  body1('{^lagging}无。{/lagging}', { indent: true }),
  heading('三、本期办结'),
  body1('{#completed}{agency}：{measure}（{day}）{/completed}', { indent: true }),
  body1('{^completed}无。{/completed}', { indent: true }),
  heading('四、领导批示'),
  body1('{#instructions}{day}，{actor}：{text}（{measure}）{/instructions}', { indent: true }),
  body1('{^instructions}无。{/instructions}', { indent: true }),
  heading('五、各单位完成情况'),
  table(
    ['责任单位', '任务', '已办结', '完成'],
    ['{#byAgency}{agency}', '{total}', '{done}', '{percent}{/byAgency}'],
    [4200, 1400, 1400, 1600],
  ),
  body1('附件：{ledgerName}', { size: 28 }),
  body1('{issuer}', { align: 'right' }),
  body1('{date}', { align: 'right' }),
].join('');
const folder = path.join(root, 'libs', 'notices', 'templates');
mkdirSync(folder, { recursive: true });
const out = path.join(folder, '情况通报.docx');
writeFileSync(out, docx(body));
console.log(`wrote ${path.relative(root, out)}`);
