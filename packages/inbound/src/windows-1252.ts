// Bytes 0x80-0x9F in windows-1252 (and in iso-8859-1 as every mail client reads it) are
// typographic characters. Node 20's TextDecoder returns them as C1 control characters
// instead, so Outlook's curly quotes and dashes vanish. C1 controls never belong in
// mail text, so mapping them back is safe whatever the declared charset was.
const C1_TO_CP1252: Record<number, string> = {
  128: "\u20ac",
  130: "\u201a",
  131: "\u0192",
  132: "\u201e",
  133: "\u2026",
  134: "\u2020",
  135: "\u2021",
  136: "\u02c6",
  137: "\u2030",
  138: "\u0160",
  139: "\u2039",
  140: "\u0152",
  142: "\u017d",
  145: "\u2018",
  146: "\u2019",
  147: "\u201c",
  148: "\u201d",
  149: "\u2022",
  150: "\u2013",
  151: "\u2014",
  152: "\u02dc",
  153: "\u2122",
  154: "\u0161",
  155: "\u203a",
  156: "\u0153",
  158: "\u017e",
  159: "\u0178",
};

const C1 = /[\u0080-\u009f]/g;
const HAS_C1 = /[\u0080-\u009f]/;

export function windows1252Char(code: number): string {
  return C1_TO_CP1252[code] ?? "";
}

/** Replace C1 control characters with the windows-1252 characters they stand for; unassigned ones are dropped. */
export function repairC1(text: string): string {
  if (!HAS_C1.test(text)) return text;
  return text.replace(C1, (c) => windows1252Char(c.charCodeAt(0)));
}
