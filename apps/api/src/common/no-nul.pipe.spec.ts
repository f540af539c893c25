import { RequestError } from '../errors/api-error.filter';
import { noNulPipe, nulPath } from './no-nul.pipe';

describe('requests with a NUL character', () => {
  it('finds the first string holding one, however deep', () => {
    expect(nulPath({ text: 'ok', edits: [{ name: 'a\u0000b' }] })).toBe('edits.0.name');
    expect(nulPath({ text: '正常' })).toBeNull();
    expect(nulPath(Buffer.from([0]))).toBeNull();
  });

  it('refuses them as a validation failure', () => {
    expect(() => {
      noNulPipe.transform({ text: '\u0000' }, { type: 'body' });
    }).toThrow(RequestError);
    expect(noNulPipe.transform({ text: 'ok' }, { type: 'body' })).toEqual({ text: 'ok' });
  });
});
