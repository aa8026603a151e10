/** PostScript point, 1/72 inch: the only absolute unit after styles are resolved. */
export type Pt = number;
/** A multiple of the current font size; used only in styles and inside composition. */
export type Em = number;

/** Millimetres to points. */
export const mm = (v: number): Pt => (v * 72) / 25.4;
