// IndexedStore: the informer's cache, keyed by `namespace/name`, with secondary indexes kept up to date on every write.

/** The values an item is filed under in one index. */
export type StoreIndexFunc<T> = (item: T) => readonly string[];

/** An index name that was registered twice, or looked up without being registered. */
export class IndexerError extends Error {
  override readonly name = 'IndexerError';
  readonly indexName: string;

  constructor(indexName: string, message: string) {
    super(message);
    this.indexName = indexName;
  }
}

interface Index<T> {
  fn: StoreIndexFunc<T>;
  /** Indexed value → keys of the objects filed under it. */
  byValue: Map<string, Set<string>>;
}

/** Objects are stored as given; the informer freezes them before they get here. (client-go tools/cache thread_safe_store.go) */
export class IndexedStore<T> {
  private readonly items = new Map<string, T>();
  private readonly indexes = new Map<string, Index<T>>();

  get size(): number {
    return this.items.size;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  values(): T[] {
    return [...this.items.values()];
  }

  entries(): IterableIterator<[string, T]> {
    return this.items.entries();
  }

  set(key: string, item: T): void {
    const old = this.items.get(key);
    this.items.set(key, item);
    for (const index of this.indexes.values()) {
      if (old !== undefined) this.unfile(index, key, old);
      this.file(index, key, item);
    }
  }

  delete(key: string): T | undefined {
    const old = this.items.get(key);
    if (old === undefined) return undefined;
    this.items.delete(key);
    for (const index of this.indexes.values()) this.unfile(index, key, old);
    return old;
  }

  /** Registers an index and files every stored object under it. */
  addIndexer(name: string, fn: StoreIndexFunc<T>): void {
    if (this.indexes.has(name)) throw new IndexerError(name, `an index named "${name}" already exists`);
    const index: Index<T> = { fn, byValue: new Map() };
    this.indexes.set(name, index);
    for (const [key, item] of this.items) this.file(index, key, item);
  }

  hasIndexer(name: string): boolean {
    return this.indexes.has(name);
  }

  /** The keys filed under `value` in index `name`. */
  indexKeys(name: string, value: string): string[] {
    const index = this.indexes.get(name);
    if (!index) throw new IndexerError(name, `no index named "${name}"`);
    return [...(index.byValue.get(value) ?? [])];
  }

  /** The objects filed under `value` in index `name`. */
  byIndex(name: string, value: string): T[] {
    return this.indexKeys(name, value).map((key) => this.items.get(key) as T);
  }

  private file(index: Index<T>, key: string, item: T): void {
    for (const value of index.fn(item)) {
      let keys = index.byValue.get(value);
      if (!keys) index.byValue.set(value, (keys = new Set()));
      keys.add(key);
    }
  }

  private unfile(index: Index<T>, key: string, item: T): void {
    for (const value of index.fn(item)) {
      const keys = index.byValue.get(value);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) index.byValue.delete(value);
    }
  }
}
