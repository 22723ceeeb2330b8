import { render } from "@react-email/render";
import type { ReactElement } from "react";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

// html-to-text upper-cases headings by default. Shouting reads badly in a
// coaching email, and it would also change personal values in headings.
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
  selector,
  options: { uppercase: false },
}));

/** HTML and plain-text parts of one element, both straight from React Email's render(). */
export async function renderParts(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: { selectors: HEADINGS } }),
  ]);
  return { html, text };
}
