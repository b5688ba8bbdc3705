/** Per-user cooldowns: how long a user must still wait before the next use. */
export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly durationMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds left to wait (0: go ahead, and the cooldown starts now). */
  take(userId: string): number {
    const now = this.now();
    const until = this.until.get(userId) ?? 0;
    if (until > now) return until - now;
    if (this.durationMs > 0) this.until.set(userId, now + this.durationMs);
    if (this.until.size > 10_000) for (const [id, end] of this.until) if (end <= now) this.until.delete(id);
    return 0;
  }
}
