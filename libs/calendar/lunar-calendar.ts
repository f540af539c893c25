import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { LunarCalendar } from './domain/statutory-year';

/** Lunar dates and solar terms from the chinese-days package, for provisional years. */
export const chineseLunarCalendar: LunarCalendar = {
  lunarToSolar(year, month, day) {
    const lunar = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return getSolarDateFromLunar(lunar).date;
  },
  qingming(year) {
    return getSolarTermDate(year, 4, 'pure_brightness');
  },
};
