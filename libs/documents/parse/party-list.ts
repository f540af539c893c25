/**
 * Splitting a written list of agencies ("市民政局、市教委", "各区、县级市", "X等有关部门")
 * into party names kept exactly as written.
 */

export interface PartyList {
  parties: string[];
  /** The list was open-ended (a 等 ended or split it). */
  openList: boolean;
}

/** Bare administrative levels: "各区、县级市" and "各省、自治区、直辖市人民政府" name one collective. */
const BARE_LEVEL = /^(?:各)?(?:省|市|区|县|县级市|自治区|直辖市|自治州|州|地|盟|旗|乡|镇|街道)$/;
const LEVEL_CONTINUATION = /^(?:省|市|区|县|县级市|自治区|直辖市|自治州|州|地|盟|旗|乡|镇|街道)(?:人民政府|政府)?$/;

/** 等 splits a list only when it ends it or introduces a generic remainder; 中等职业学校 is not a list. */
const DENG_SPLIT = /等(?=(?:有关|相关|其他|各|部门|单位)|$)/;

const GENERIC = /(?:有关|相关)(?:部门|单位|方面)|^(?:各|其他)(?:部门|单位|地|地区|地方)$|^各地(?:区)?各(?:有关)?部门$/;

/** True for a party that names no concrete agency (有关部门, 各有关单位, 相关部门…). */
export function isGenericParty(party: string): boolean {
  return GENERIC.test(party);
}

export function splitParties(chunk: string): PartyList {
  const cleaned = chunk.replace(/^[\s、，,；;：:]+|[\s、，,；;：:]+$/g, '').replace(/^由/, '');
  const pieces = cleaned
    .split(/[、，,]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

  // Re-join collectives written with 、 ("各区、县级市").
  const joined: string[] = [];
  for (const piece of pieces) {
    const prev = joined.length > 0 ? joined[joined.length - 1] : undefined;
    if (
      prev !== undefined &&
      prev.startsWith('各') &&
      BARE_LEVEL.test(lastComponent(prev)) &&
      LEVEL_CONTINUATION.test(piece)
    ) {
      joined[joined.length - 1] = `${prev}、${piece}`;
    } else {
      joined.push(piece);
    }
  }

  const parties: string[] = [];
  let openList = false;
  const add = (p: string): void => {
    const name = p.trim();
    if (name.length > 0 && !parties.includes(name)) parties.push(name);
  };
  for (const piece of joined) {
    const m = DENG_SPLIT.exec(piece);
    if (m) {
      openList = true;
      add(piece.slice(0, m.index));
      add(piece.slice(m.index + 1));
    } else {
      add(piece);
    }
  }
  return { parties, openList };
}

function lastComponent(collective: string): string {
  const parts = collective.split('、');
  return parts[parts.length - 1];
}
