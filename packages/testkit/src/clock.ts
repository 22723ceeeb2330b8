import type { Clock } from "@rebound/core";

/**
 * A clock tests move by hand: `advance(ms)` instead of sleeping for a day. Everything the
 * application times (due dates, pauses, token expiries, stuck claims) reads it.
 */
export class TestClock implements Clock {
  private at: number;
  constructor(start: Date | string = new Date()) {
    this.at = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): Date {
    this.at += ms;
    return this.now();
  }
  set(when: Date | string): Date {
    this.at = new Date(when).getTime();
    return this.now();
  }
}
