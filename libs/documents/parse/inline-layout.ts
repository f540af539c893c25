/**
 * A document pasted or exported as one line (or a few very long ones): recovers virtual lines so the
 * line-based structure finder can read it. Offsets stay those of the input.
 */
import { arabicValue, FIGURE_ITEM, type Line } from './structure';

type Kind = 'cnComma' | 'cnParen' | 'arabic' | 'arabicParen';

/** `figure`: 7.5G… cuts only where it continues the sequence (after 6.), never to start one. */
const KINDS: { kind: Kind; level: number; re: RegExp; figure?: true }[] = [
  { kind: 'cnComma', level: 1, re: /^([一二三四五六七八九十]{1,3})、/ },
  { kind: 'cnParen', level: 2, re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/ },
  { kind: 'arabic', level: 3, re: /^([0-9０-９]{1,3})[.．、](?![0-9０-９.．])/ },
  { kind: 'arabic', level: 3, re: FIGURE_ITEM, figure: true },
  { kind: 'arabicParen', level: 4, re: /^[（(]([0-9０-９]{1,3})[）)]/ },
];
/** What may come right before a numbering that starts a paragraph. */
const BOUNDARY = /[。；;！!？?）)：:”"]/;
const SPACE = /[ \t\u3000\u00a0]/;

/**
 * Cuts each line at runs of spaces (where a flattened text lost its line breaks) and before
 * numberings that continue a sequence (（二） after （一）, 3. after 2.) or start one at a boundary.
 */
export function splitInline(input: string, lines: Line[]): Line[] {
  const out: Line[] = [];
  const last: Record<Kind, number> = { cnComma: 0, cnParen: 0, arabic: 0, arabicParen: 0 };
  let lastLevel = 0;
  for (const line of lines) {
    const cuts = [line.start];
    const cut = (at: number): void => {
      if (cuts[cuts.length - 1] !== at) cuts.push(at);
    };
    for (let i = line.start; i < line.end; i += 1) {
      const prev = i > line.start ? input[i - 1] : ' ';
      if (SPACE.test(input[i])) continue;
      if (SPACE.test(prev)) cut(i);
      if (!'一二三四五六七八九十（(0123456789０１２３４５６７８９'.includes(input[i])) continue;
      const head = input.slice(i, Math.min(line.end, i + 8));
      for (const { kind, level, re, figure } of KINDS) {
        const m = re.exec(head);
        if (!m) continue;
        const value = kind === 'arabic' || kind === 'arabicParen' ? arabicValue(m[1]) : cnValue(m[1]);
        const atBoundary = SPACE.test(prev) || BOUNDARY.test(prev);
        const paren = kind === 'cnParen' || kind === 'arabicParen';
        const continues = value === last[kind] + 1 && (atBoundary || paren);
        const starts = value === 1 && (atBoundary || (paren && lastLevel > 0 && lastLevel < level));
        if (continues || (starts && !figure)) {
          cut(i);
          last[kind] = value;
          lastLevel = level;
        }
        break;
      }
    }
    cuts.forEach((start, k) => {
      const stop = k + 1 < cuts.length ? cuts[k + 1] : line.end;
      let end = stop;
      while (end > start && SPACE.test(input[end - 1])) end -= 1;
      out.push({ start, end, text: input.slice(start, end) });
    });
  }
  return out;
}

/** 一 … 九十九; NaN for anything else. */
function cnValue(s: string): number {
  const digit = (c: string): number => '一二三四五六七八九'.indexOf(c) + 1;
  if (!s.includes('十')) return s.length === 1 ? digit(s) : NaN;
  const [tens, units] = s.split('十');
  const t = tens === '' ? 1 : tens.length === 1 ? digit(tens) : NaN;
  const u = units === '' ? 0 : units.length === 1 ? digit(units) : NaN;
  return t * 10 + u;
}
