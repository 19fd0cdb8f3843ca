/**
 * A fixed-capacity ring of events in revision order: appending to a full ring drops the oldest.
 */
export class Ring<T extends { readonly revision: number }> {
  private readonly slots: (T | undefined)[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Appends `item`; returns the item it pushed out, if the ring was full. */
  push(item: T): T | undefined {
    if (this.size < this.capacity) {
      this.slots[(this.start + this.size) % this.capacity] = item;
      this.size++;
      return undefined;
    }
    const dropped = this.slots[this.start];
    this.slots[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    return dropped;
  }

  /** Drops items from the front while `drop` says so; returns the last one dropped. */
  dropWhile(drop: (item: T) => boolean): T | undefined {
    let last: T | undefined;
    while (this.size > 0) {
      const first = this.slots[this.start] as T;
      if (!drop(first)) break;
      this.slots[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.size--;
      last = first;
    }
    return last;
  }

  /** Items with a revision above `revision`, oldest first (binary search, then a copy). */
  since(revision: number): T[] {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.slots[(this.start + mid) % this.capacity] as T).revision <= revision) low = mid + 1;
      else high = mid;
    }
    const out: T[] = [];
    for (let i = low; i < this.size; i++) out.push(this.slots[(this.start + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.start = 0;
    this.size = 0;
  }
}
