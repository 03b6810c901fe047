// RingBuffer: a growable deque over a power-of-two array, so push, shift and pop never reallocate in steady state.

const INITIAL_CAPACITY = 16;

/** A first-in, first-out buffer (`pop` takes from the newest end); `shift` is O(1), unlike `Array.prototype.shift`. */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;
  private mask: number;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    let capacity = INITIAL_CAPACITY;
    while (capacity < initialCapacity) capacity *= 2;
    this.items = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // let the item be collected
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Removes and returns the newest item, or undefined when empty. */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const at = (this.head + this.count - 1) & this.mask;
    const item = this.items[at];
    this.items[at] = undefined;
    this.count--;
    return item;
  }

  /** Drops every item. */
  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.items.length * 2;
    const next = new Array<T | undefined>(capacity).fill(undefined);
    for (let i = 0; i < this.count; i++) next[i] = this.items[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = capacity - 1;
  }
}
