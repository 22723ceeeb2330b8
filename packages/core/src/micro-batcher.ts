/**
 * Gathers items submitted one at a time (one per BullMQ job, one per HTTP request) into
 * batches of at most `max`, flushed when full or `lingerMs` after the first item. Each
 * submitter gets its own item's outcome: the flush may answer one error per item
 * (so one bad item is retried alone), and an error of the whole flush rejects
 * them all, so every job is retried by the queue.
 *
 * With `maxInFlight`, at most that many flushes run at once (group commit): items that
 * arrive while every flush is busy wait for the next one, so batches grow with the load
 * instead of the number of concurrent transactions.
 */
export type BatchResult = readonly (unknown | undefined)[] | undefined;

export class MicroBatcher<T> {
  private pending: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;

  constructor(
    private readonly flushFn: (items: T[]) => Promise<BatchResult>,
    private readonly max: number,
    private readonly lingerMs: number,
    private readonly maxInFlight = Number.POSITIVE_INFINITY,
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
    // Every flush is busy: the items wait, and the first flush to finish takes them.
    if (this.inFlight >= this.maxInFlight) return;
    const batch = this.pending.splice(0, this.max);
    if (this.pending.length > 0) this.timer = setTimeout(() => this.flush(), this.lingerMs);
    if (batch.length === 0) return;
    this.inFlight++;
    this.flushFn(batch.map((b) => b.item))
      .then(
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
      )
      .finally(() => {
        this.inFlight--;
        if (this.pending.length > 0) this.flush();
      });
  }
}
