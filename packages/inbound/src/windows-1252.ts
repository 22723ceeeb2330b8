import iconv from "iconv-lite";

// Bytes 0x80-0x9F in windows-1252 (and in iso-8859-1 as every mail client reads it) are
// typographic characters. Node 20's TextDecoder returns them as C1 control characters
// instead, so Outlook's curly quotes and dashes would vanish. C1 controls never belong in
// mail text, so mapping them back through iconv-lite's windows-1252 table is safe whatever
// the declared charset was; the five bytes windows-1252 leaves unassigned are dropped.
const C1_RUN = /[\u0080-\u009f]+/g;
const HAS_C1 = /[\u0080-\u009f]/;

export function repairC1(text: string): string {
  if (!HAS_C1.test(text)) return text;
  return text.replace(C1_RUN, (run) =>
    iconv.decode(Buffer.from(run, "latin1"), "windows-1252").replaceAll("\ufffd", ""),
  );
}
