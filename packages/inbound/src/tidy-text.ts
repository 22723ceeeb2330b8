/** Shared final pass for any text we hand out: LF line ends, no trailing spaces, at most one blank line in a row. */
export function tidyText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[\u200b\ufeff]/g, "")
      .replace(/\u00a0/g, " ")
      // A lookahead, not `$` with the m flag: V8 then tries far fewer of the spaces between words.
      .replace(/[^\S\n]+(?=\n|$)/g, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
