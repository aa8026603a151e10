/** Numbers for content streams: at most 3 decimals, never exponent notation, no `-0`. */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}
