import { AlertDialog as AD, Dialog as D } from "radix-ui";
import type * as React from "react";
import { cn } from "@/lib/utils";

const overlay = "fixed inset-0 z-40 bg-slate-900/40";
const panel =
  "fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-slate-200 bg-white p-5 shadow-lg";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;
export function DialogContent({ className, children, ...props }: React.ComponentProps<typeof D.Content>) {
  return (
    <D.Portal>
      <D.Overlay className={overlay} />
      <D.Content className={cn(panel, className)} {...props}>
        {children}
      </D.Content>
    </D.Portal>
  );
}
export function DialogTitle({ className, ...props }: React.ComponentProps<typeof D.Title>) {
  return <D.Title className={cn("text-base font-semibold", className)} {...props} />;
}
export function DialogDescription({ className, ...props }: React.ComponentProps<typeof D.Description>) {
  return <D.Description className={cn("mt-1 text-sm text-slate-600", className)} {...props} />;
}

export const AlertDialog = AD.Root;
export const AlertDialogTrigger = AD.Trigger;
export const AlertDialogCancel = AD.Cancel;
export const AlertDialogAction = AD.Action;
export function AlertDialogContent({ className, children, ...props }: React.ComponentProps<typeof AD.Content>) {
  return (
    <AD.Portal>
      <AD.Overlay className={overlay} />
      <AD.Content className={cn(panel, className)} {...props}>
        {children}
      </AD.Content>
    </AD.Portal>
  );
}
export function AlertDialogTitle({ className, ...props }: React.ComponentProps<typeof AD.Title>) {
  return <AD.Title className={cn("text-base font-semibold", className)} {...props} />;
}
export function AlertDialogDescription({ className, ...props }: React.ComponentProps<typeof AD.Description>) {
  return <AD.Description className={cn("mt-2 text-sm text-slate-600", className)} {...props} />;
}
