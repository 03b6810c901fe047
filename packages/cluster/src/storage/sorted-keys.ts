// A set of keys that iterates in key order cheaply: a sorted array plus a batch of unsorted additions merged on read.

/** Keys added since the last read are sorted and merged lazily, so a burst of N creates costs O(N log N), not O(N²). */
export class SortedKeySet {
  private sorted: string[] = [];
  /** Added since the last merge; a Set so that removing a not-yet-merged key is O(1). */
  private readonly added = new Set<string>();

  get size(): number {
    return this.sorted.length + this.added.size;
  }

  /** Adds a key that is not already in the set (callers know, from their own map). */
  add(key: string): void {
    this.added.add(key);
  }

  remove(key: string): void {
    if (this.added.delete(key)) return;
    const index = this.lowerBound(key);
    if (this.sorted[index] === key) this.sorted.splice(index, 1);
  }

  clear(): void {
    this.sorted = [];
    this.added.clear();
  }

  /** Keys starting with `prefix` and strictly greater than `after`, in order; stop iterating to stop early. */
  *keysFrom(prefix: string, after?: string): Generator<string> {
    this.merge();
    const keys = this.sorted;
    let index = after !== undefined && after >= prefix ? this.upperBound(after) : this.lowerBound(prefix);
    for (; index < keys.length; index++) {
      const key = keys[index]!;
      if (!key.startsWith(prefix)) return;
      yield key;
    }
  }

  private merge(): void {
    if (this.added.size === 0) return;
    const fresh = [...this.added].sort();
    this.added.clear();
    if (fresh.length * 8 > this.sorted.length) {
      this.sorted = this.sorted.concat(fresh).sort();
      return;
    }
    const merged: string[] = new Array<string>(this.sorted.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < fresh.length) {
      merged[k++] = this.sorted[i]! < fresh[j]! ? this.sorted[i++]! : fresh[j++]!;
    }
    while (i < this.sorted.length) merged[k++] = this.sorted[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sorted = merged;
  }

  /** The first index whose key is >= `key` (in the merged part only). */
  private lowerBound(key: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first index whose key is > `key`. */
  private upperBound(key: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! <= key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
