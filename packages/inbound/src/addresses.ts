import type { Address } from "postal-mime";

/** Bare lower-case addresses from parsed address headers; groups are flattened, duplicates dropped. */
export function bareAddresses(list: readonly Address[] | undefined): string[] {
  const out: string[] = [];
  for (const entry of list ?? []) {
    const mailboxes = entry.group ?? [entry];
    for (const mailbox of mailboxes) {
      const address = normaliseAddress(mailbox.address);
      if (address && !out.includes(address)) out.push(address);
    }
  }
  return out;
}

export function normaliseAddress(address: string | undefined): string | null {
  const bare = (address ?? "").trim().replace(/^<|>$/g, "").toLowerCase();
  return bare.includes("@") ? bare : null;
}

/** `<a@b> <c@d>` or `a@b` to `a@b`: the first message id, without brackets. */
export function firstMessageId(value: string | undefined | null): string | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  const id = bracketed?.[1] ?? value.trim().split(/\s+/)[0] ?? "";
  return id === "" ? null : id;
}
