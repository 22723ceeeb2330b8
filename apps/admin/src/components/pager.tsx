import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * "N things · page p of n" with Previous / Next, under a paged list. `compact` (a narrow
 * column such as the outbox's) keeps the arrows and drops their words.
 */
export function Pager({
  total,
  noun,
  page,
  pages,
  onPage,
  compact = false,
  className,
}: {
  total: number;
  noun: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  compact?: boolean;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex items-center justify-between px-3 py-2",
        compact ? "text-xs text-slate-500" : "text-sm text-slate-600",
        className,
      )}
    >
      <span>
        {total} {noun} · page {page} of {pages}
      </span>
      <div className="flex gap-1">
        <Button
          size="sm"
          variant="outline"
          disabled={page <= 1}
          aria-label="Previous page"
          onClick={() => onPage(page - 1)}
        >
          <ChevronLeft />
          {compact ? null : " Previous"}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={page >= pages}
          aria-label="Next page"
          onClick={() => onPage(page + 1)}
        >
          {compact ? null : "Next "}
          <ChevronRight />
        </Button>
      </div>
    </div>
  );
}
