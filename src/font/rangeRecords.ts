/**
 * OpenType's range records decoded as plain objects. A class definition or a coverage table of
 * format 2 is a list of ranges of three uint16 each (ClassRangeRecord: start, end, class;
 * RangeRecord: start, end, startCoverageIndex), and fontkit decodes each one through restructure's
 * Struct: four hidden properties set by Object.defineProperties, then every field through the
 * generic reader. The kern lookups of the Noto CJK faces hold about 6,000 of them, decoded when a
 * face first shapes text: 20–25 ms of a cold build, 5–10 ms this way.
 *
 * fontkit reads these records' three fields only (getClassID, coverageIndex, and so on), never the
 * hidden ones (links back into the table being decoded, for pointers, which these records have
 * none of), and does not encode GSUB or GPOS. A test decodes the faces' lookups both ways.
 */
import { Struct, uint16, type DecodeStream } from 'restructure';

/** The third field's name when a struct is exactly a range record, else null; cached on the struct. */
const KIND = Symbol('range record kind');

type Tagged = Struct & { [KIND]?: string | null };

function rangeRecordKind(fields: Record<string, unknown>): string | null {
  const keys = Object.keys(fields);
  if (keys.length !== 3 || keys[0] !== 'start' || keys[1] !== 'end' || (keys[2] !== 'class' && keys[2] !== 'startCoverageIndex')) return null;
  return keys.every((k) => fields[k] === uint16) ? keys[2]! : null;
}

let original: Struct['decode'] | null = null;

/**
 * Makes restructure decode range records directly (idempotent; other structs as before); with
 * `false`, restores restructure's own decode (tests compare the two).
 */
export function useFastRangeRecords(on = true): void {
  if (!on) {
    if (original) Struct.prototype.decode = original;
    original = null;
    return;
  }
  if (original) return;
  const decode = (original = Struct.prototype.decode);
  Struct.prototype.decode = function (this: Tagged, stream: DecodeStream, parent?: unknown, length?: number) {
    let kind = this[KIND];
    if (kind === undefined) kind = this[KIND] = rangeRecordKind(this.fields);
    if (kind === null) return decode.call(this, stream, parent, length);
    const start = stream.readUInt16BE();
    const end = stream.readUInt16BE();
    const value = stream.readUInt16BE();
    return kind === 'class' ? { start, end, class: value } : { start, end, startCoverageIndex: value };
  };
}
