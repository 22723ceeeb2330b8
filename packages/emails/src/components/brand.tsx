/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from "@react-email/components";
import { createContext, createElement, Fragment, type ReactElement, useContext } from "react";
import { styles } from "./styles.js";

/**
 * A program's branding, the same in every email it sends: its name at the top, the coach's
 * signature under the text, a line about replying in the footer. Given once around a template
 * (a React context), so templates need no props for it and compiled step emails bake it in.
 */
export interface EmailBrand {
  programName: string | null;
  signature: string | null;
  replyFooter: string | null;
}

const BrandContext = createContext<EmailBrand | null>(null);

export function useBrand(): EmailBrand | null {
  return useContext(BrandContext);
}

// The compiler's placeholders look like __RB_name__; program text must never pass for one.
const clean = (v: string | null | undefined) => {
  const t = (v ?? "").replace(/\r\n?/g, "\n").replace(/__RB/g, "__ RB").trim();
  return t === "" ? null : t;
};

/** A brand with empty values dropped; null when nothing is left (the element renders as Rebound's). */
export function normaliseBrand(brand: EmailBrand | null | undefined): EmailBrand | null {
  if (!brand) return null;
  const b = {
    programName: clean(brand.programName),
    signature: clean(brand.signature),
    replyFooter: clean(brand.replyFooter),
  };
  return b.programName || b.signature || b.replyFooter ? b : null;
}

export function withBrand(element: ReactElement, brand: EmailBrand | null | undefined): ReactElement {
  const b = normaliseBrand(brand);
  return b ? createElement(BrandContext.Provider, { value: b }, element) : element;
}

/** Line breaks kept in HTML and in the plain-text part alike. */
function Lines({ text }: { text: string }) {
  // Keyed by each line's offset in the text: stable, and unique even for repeated lines.
  let offset = 0;
  const lines = text.split("\n").map((line) => {
    const at = offset;
    offset += line.length + 1;
    return { at, line };
  });
  return (
    <>
      {lines.map(({ at, line }) => (
        <Fragment key={at}>
          {at > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

export function BrandSignature() {
  const brand = useBrand();
  if (!brand?.signature) return null;
  return (
    <Text style={styles.signature}>
      <Lines text={brand.signature} />
    </Text>
  );
}

export function BrandReplyFooter() {
  const brand = useBrand();
  if (!brand?.replyFooter) return null;
  return (
    <Text style={styles.footer}>
      <Lines text={brand.replyFooter} />
    </Text>
  );
}

/** "Career Centre X · Rebound" at the top, or Rebound's own name. */
export function BrandLine() {
  const brand = useBrand();
  return <Text style={styles.brand}>{brand?.programName ? `${brand.programName} · Rebound` : "REBOUND"}</Text>;
}
