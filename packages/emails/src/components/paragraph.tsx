/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import { styles } from "./styles.js";

/** A body paragraph. Pass interpolated values inside one template string so each paragraph stays a single text node. */
export function P({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

export function Subheading({ children }: { children: ReactNode }) {
  return <Text style={styles.subheading}>{children}</Text>;
}

export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <ul style={styles.list}>
      {items.map((item, i) => (
        <li key={i} style={styles.listItem}>
          {item}
        </li>
      ))}
    </ul>
  );
}
