import { leadDesignationProblem, type MeasureParty, rolesAfterDesignation } from './lead-designation';

const party = (agencyId: string, role: MeasureParty['role']): MeasureParty => ({
  agencyId,
  agencyName: `单位${agencyId}`,
  role,
});

describe('designating a lead at launch', () => {
  const shared = [party('a', 'shared'), party('b', 'shared'), party('c', 'guiding')];

  it('accepts one of the parties of a measure whose text names no lead', () => {
    expect(leadDesignationProblem('（一）', shared, 'b')).toBeNull();
    expect(leadDesignationProblem('（一）', [party('a', 'cooperating'), party('b', 'cooperating')], 'a')).toBeNull();
  });

  it('refuses where the text names a lead, saying which', () => {
    const problem = leadDesignationProblem('（二）', [party('a', 'lead'), party('b', 'cooperating')], 'b');
    expect(problem).toEqual({ code: 'LEAD_ALREADY_NAMED', message: expect.stringContaining('单位a') as string });
  });

  it('refuses an agency that is not a party of the measure', () => {
    expect(leadDesignationProblem('（三）', shared, 'z')?.code).toBe('AGENCY_NOT_ON_MEASURE');
  });

  it('makes the chosen party the lead and the shared ones cooperate; guiding and others keep their role', () => {
    expect(rolesAfterDesignation(shared, 'b')).toEqual(['cooperating', 'lead', 'guiding']);
    expect(rolesAfterDesignation([party('a', 'cooperating'), party('b', 'implied')], 'b')).toEqual([
      'cooperating',
      'lead',
    ]);
  });
});
