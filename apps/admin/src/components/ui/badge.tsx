import { cva, type VariantProps } from "class-variance-authority";
import type * as React from "react";
import { cn } from "@/lib/utils";

const badgeVariants = cva("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", {
  variants: {
    tone: {
      neutral: "bg-slate-100 text-slate-700",
      green: "bg-emerald-50 text-emerald-700 ring-1 ring-emerald-200",
      amber: "bg-amber-50 text-amber-800 ring-1 ring-amber-200",
      red: "bg-red-50 text-red-700 ring-1 ring-red-200",
      blue: "bg-sky-50 text-sky-700 ring-1 ring-sky-200",
      teal: "bg-teal-50 text-teal-800",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export function Badge({
  className,
  tone,
  ...props
}: React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}

const STATUS_TONE: Record<string, VariantProps<typeof badgeVariants>["tone"]> = {
  active: "green",
  paused: "amber",
  unsubscribed: "neutral",
  bounced: "red",
  complained: "red",
  erased: "neutral",
  delivered: "green",
  sent: "blue",
  scheduled: "neutral",
  sending: "blue",
  failed: "red",
  cancelled: "neutral",
};
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status] ?? "neutral"}>{status}</Badge>;
}
