/**
 * Gathers items submitted one at a time (one per BullMQ job) into batches of
 * at most `max`, flushed when full or `lingerMs` after the first item. Each
 * submitter gets its own item's outcome: the flush may answer one error per item
 * (so one bad item is retried alone), and an error of the whole flush rejects
 * them all, so every job is retried by the queue.
 */
export type BatchResult = readonly (unknown | undefined)[] | undefined;

export class MicroBatcher<T> {
  private pending: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushFn: (items: T[]) => Promise<BatchResult>,
    private readonly max: number,
    private readonly lingerMs: number,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.max) this.flush();
      else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0, this.max);
    if (this.pending.length > 0) this.timer = setTimeout(() => this.flush(), this.lingerMs);
    if (batch.length === 0) return;
    this.flushFn(batch.map((b) => b.item)).then(
      (errors) => {
        batch.forEach((b, i) => {
          const err = errors ? errors[i] : undefined;
          if (err === undefined) b.resolve();
          else b.reject(err);
        });
      },
      (err) => {
        for (const b of batch) b.reject(err);
      },
    );
  }
}
