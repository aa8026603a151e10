import { InputError } from '../model/source.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** An ISO date as printed: 2025年9月10日, 星期三. Pure: no clock, no time zone. */
export function chineseDate(iso: string): { date: string; weekday: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== Number(m[3])) throw new InputError(`bad date '${iso}' (expected yyyy-mm-dd)`);
  return { date: `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`, weekday: WEEKDAYS[new Date(t).getUTCDay()]! };
}
