// DelayHeap: keys waiting for a due time, earliest first, at most one entry per key (client-go delaying_queue.go).

interface DelayEntry {
  readonly key: string;
  readyAt: number;
  /** Insertion order: equal due times come out first-in, first-out. */
  seq: number;
  /** Position in the heap array, kept current so an entry can be moved up in place. */
  index: number;
}

/** A binary min-heap of (due time, key); scheduling a key again keeps the earlier due time. */
export class DelayHeap {
  private readonly heap: DelayEntry[] = [];
  private readonly byKey = new Map<string, DelayEntry>();
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /**
   * Schedules `key` for `readyAt`. If the key is already waiting, an earlier time replaces the
   * pending one and a later (or equal) time is ignored. Returns true when the heap changed.
   */
  schedule(key: string, readyAt: number): boolean {
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      if (readyAt >= existing.readyAt) return false;
      existing.readyAt = readyAt;
      existing.seq = this.nextSeq++;
      this.siftUp(existing.index);
      return true;
    }
    const entry: DelayEntry = { key, readyAt, seq: this.nextSeq++, index: this.heap.length };
    this.heap.push(entry);
    this.byKey.set(key, entry);
    this.siftUp(entry.index);
    return true;
  }

  /** The earliest due time, or undefined when nothing waits. */
  peekReadyAt(): number | undefined {
    return this.heap[0]?.readyAt;
  }

  /** Removes and returns the earliest key if it is due at or before `now`. */
  popDue(now: number): string | undefined {
    const top = this.heap[0];
    if (top === undefined || top.readyAt > now) return undefined;
    const last = this.heap.pop()!;
    if (last !== top) {
      this.heap[0] = last;
      last.index = 0;
      this.siftDown(0);
    }
    this.byKey.delete(top.key);
    return top.key;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  clear(): void {
    this.heap.length = 0;
    this.byKey.clear();
  }

  private less(a: DelayEntry, b: DelayEntry): boolean {
    return a.readyAt < b.readyAt || (a.readyAt === b.readyAt && a.seq < b.seq);
  }

  private siftUp(start: number): void {
    let index = start;
    const entry = this.heap[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >>> 1;
      const parent = this.heap[parentIndex]!;
      if (!this.less(entry, parent)) break;
      this.heap[index] = parent;
      parent.index = index;
      index = parentIndex;
    }
    this.heap[index] = entry;
    entry.index = index;
  }

  private siftDown(start: number): void {
    let index = start;
    const length = this.heap.length;
    const entry = this.heap[index]!;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && this.less(this.heap[right]!, this.heap[left]!)) child = right;
      const smaller = this.heap[child]!;
      if (!this.less(smaller, entry)) break;
      this.heap[index] = smaller;
      smaller.index = index;
      index = child;
    }
    this.heap[index] = entry;
    entry.index = index;
  }
}
