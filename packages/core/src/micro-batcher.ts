/**
 * Gathers items submitted one at a time (one per BullMQ job) into batches of
 * at most `max`, flushed when full or `lingerMs` after the first item. Each
 * submitter gets its own item's outcome: the batch's error rejects them all,
 * so every job is retried by the queue.
 */
export class MicroBatcher<T> {
  private pending: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushFn: (items: T[]) => Promise<void>,
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
      () => {
        for (const b of batch) b.resolve();
      },
      (err) => {
        for (const b of batch) b.reject(err);
      },
    );
  }
}
