/**
 * RFC 3676 `format=flowed` text to plain lines: soft line breaks (a line ending in a
 * space) are joined, `DelSp=yes` drops that space, space-stuffing is removed, and a quoted
 * line never flows into a line of another quote depth. That last rule matters for
 * bottom-posting: a quoted line that ends in a space must not swallow the answer below it.
 * Quoted lines come out as `>` marks, one space, then the text.
 */
export function decodeFlowed(text: string, delSp: boolean): string {
  const out: string[] = [];
  let open: { depth: number; text: string } | null = null;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    let depth = 0;
    while (raw.charCodeAt(depth) === 0x3e) depth += 1;
    let line = raw.slice(depth);
    if (line.startsWith(" ")) line = line.slice(1);
    // The signature separator is the one line that ends in a space without flowing.
    const separator = line === "-- ";
    const flows = line.endsWith(" ") && !separator;
    if (open && (open.depth !== depth || separator)) {
      out.push(render(open.depth, open.text));
      open = null;
    }
    const joined: string = open ? open.text + line : line;
    if (flows) open = { depth, text: delSp ? joined.slice(0, -1) : joined };
    else {
      out.push(render(depth, joined));
      open = null;
    }
  }
  if (open) out.push(render(open.depth, open.text));
  return out.join("\n");
}

function render(depth: number, text: string): string {
  return depth === 0 ? text : `${">".repeat(depth)} ${text}`;
}
