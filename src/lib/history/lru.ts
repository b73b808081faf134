// Runs anywhere: a map that forgets its least recently used entries past a size budget.

export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private used = 0;
  private readonly budget: number;
  private readonly sizeOf: (value: V) => number;

  constructor(budget: number, sizeOf: (value: V) => number = () => 1) {
    this.budget = budget;
    this.sizeOf = sizeOf;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const old = this.map.get(key);
    if (old !== undefined) {
      this.used -= this.sizeOf(old);
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.used += this.sizeOf(value);
    while (this.used > this.budget && this.map.size > 1) {
      const [oldestKey, oldest] = this.map.entries().next().value as [K, V];
      this.used -= this.sizeOf(oldest);
      this.map.delete(oldestKey);
    }
  }
}
