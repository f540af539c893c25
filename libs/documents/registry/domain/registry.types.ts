/** The agency registry as the importer sees it: plain data, loaded by the service. */
export const AGENCY_KINDS = [
  'municipal_department',
  'district_government',
  'court',
  'procuratorate',
  'peoples_organisation',
  'central_ministry',
  'generic',
  'unknown',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface RegistrySnapshot {
  agencies: { id: string; name: string; kind: AgencyKind }[];
  aliases: { alias: string; agencyId: string }[];
  groups: { name: string; memberIds: string[] }[];
}
