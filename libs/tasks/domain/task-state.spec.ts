import { transition } from './task-state';

describe('task state machine', () => {
  it('follows issue → acknowledge → submit → accept', () => {
    expect(transition('draft', 'issue')).toEqual({ ok: true, to: 'issued' });
    expect(transition('issued', 'acknowledge')).toEqual({ ok: true, to: 'in_progress' });
    expect(transition('in_progress', 'progress')).toEqual({ ok: true, to: 'in_progress' });
    expect(transition('in_progress', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(transition('submitted', 'accept')).toEqual({ ok: true, to: 'accepted' });
  });

  it('sends a returned submission back to in progress', () => {
    expect(transition('submitted', 'return')).toEqual({ ok: true, to: 'in_progress' });
  });

  it('refuses actions from the wrong state with a Chinese message', () => {
    const r = transition('issued', 'submit');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('INVALID_TRANSITION');
      expect(r.message).toContain('待签收');
    }
    expect(transition('accepted', 'return').ok).toBe(false);
    expect(transition('accepted', 'cancel').ok).toBe(false);
  });
});
