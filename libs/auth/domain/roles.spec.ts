import { agencyScope, liaisonScope, type Principal, standingInFor } from './roles';

const person = (over: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  username: 'u1',
  displayName: '甲',
  roles: ['liaison'],
  agencyIds: ['a1'],
  ...over,
});
const absent = { userId: 'u2', displayName: '乙', agencyIds: ['a2'] };

describe('who acts for which agency', () => {
  it('scopes liaison actions to the own agencies whatever other roles the user holds', () => {
    const both = person({ roles: ['coordinator', 'liaison'] });
    expect(agencyScope(both)).toBeNull();
    expect(liaisonScope(both)).toEqual(['a1']);
  });

  it('adds the agencies of liaisons the user stands in for, and says for whom', () => {
    const deputy = person({ actingFor: [absent] });
    expect(liaisonScope(deputy)).toEqual(['a1', 'a2']);
    expect(agencyScope(deputy)).toEqual(['a1', 'a2']);
    expect(standingInFor(deputy, 'a2')).toEqual(absent);
    expect(standingInFor(deputy, 'a1')).toBeNull();
    expect(standingInFor(person(), 'a2')).toBeNull();
  });
});
