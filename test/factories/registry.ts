import type { RegistrySnapshot } from '../../libs/documents/registry/domain/registry.types';

const DISTRICTS = [
  '和平区',
  '河东区',
  '河西区',
  '南开区',
  '河北区',
  '红桥区',
  '东丽区',
  '西青区',
  '津南区',
  '北辰区',
  '武清区',
  '宝坻区',
  '宁河区',
  '静海区',
  '蓟州区',
  '滨海新区',
];
const MUNICIPAL = [
  '市民政局',
  '市教委',
  '团市委',
  '市残联',
  '市住房城乡建设委',
  '市医保局',
  '天津金融监管局',
  '市卫生健康委',
  '市人社局',
  '市公安局',
  '市高级人民法院',
  '市人民检察院',
  '市妇联',
  '市市场监管委',
  '市文化和旅游局',
  '市司法局',
  '市委网信办',
  '市应急管理局',
  '市发展改革委',
  '市财政局',
  '市妇儿工委办',
  '市数据局',
  '市疾控局',
];

/** A registry like the one the Registry migration seeds (ids are the names, for readable tests). */
export function tianjinRegistry(): RegistrySnapshot {
  return {
    agencies: [
      ...MUNICIPAL.map((name) => ({ id: name, name, kind: 'municipal_department' as const })),
      ...DISTRICTS.map((d) => ({ id: `${d}人民政府`, name: `${d}人民政府`, kind: 'district_government' as const })),
      { id: '有关部门', name: '有关部门', kind: 'generic' as const },
    ],
    aliases: [{ alias: '市住建委', agencyId: '市住房城乡建设委' }],
    groups: [{ name: '各区人民政府', memberIds: DISTRICTS.map((d) => `${d}人民政府`) }],
  };
}
