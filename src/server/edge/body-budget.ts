// The bytes of request bodies the process holds while their signatures are still unverified: one shared budget,
// so slow or abandoned uploads cannot take the memory that every other client needs.

export class BodyBudget {
  #held = 0;

  constructor(readonly capacityBytes: number) {}

  get heldBytes(): number {
    return this.#held;
  }

  /** Takes `bytes` from the budget; false (taking nothing) when they would not fit. */
  reserve(bytes: number): boolean {
    if (this.#held + bytes > this.capacityBytes) return false;
    this.#held += bytes;
    return true;
  }

  release(bytes: number): void {
    this.#held = Math.max(0, this.#held - bytes);
  }
}
