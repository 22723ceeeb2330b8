/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Body, Container, Head, Heading, Html, Preview } from "@react-email/components";
import type { ReactNode } from "react";
import { BrandLine, BrandSignature } from "./brand.js";
import { styles } from "./styles.js";

export interface EmailLayoutProps {
  /**
   * Inbox preview line. Keep it constant per template: React Email pads it to a
   * fixed length, so a personal value here would change the markup around it.
   */
  preview: string;
  heading: string;
  children: ReactNode;
  footer: ReactNode;
}

export function EmailLayout({ preview, heading, children, footer }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <BrandLine />
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <BrandSignature />
          {footer}
        </Container>
      </Body>
    </Html>
  );
}
