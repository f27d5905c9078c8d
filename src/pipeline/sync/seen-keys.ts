/**
 * Remembers which keys a run has staged, to know whether any came twice: when none did, the stage table
 * is already distinct and the dedupe statement (a self-join over the whole table) is skipped. Keys are
 * kept as 52-bit hashes (~40 bytes each, whatever the key's length); a collision only makes a run dedupe
 * when it need not, never the other way round.
 */
export class SeenKeys {
  private readonly hashes = new Set<number>();
  private repeated = false;

  add(key: string): void {
    if (this.repeated) return;
    const h = hash52(key);
    if (this.hashes.has(h)) {
      this.repeated = true;
      this.hashes.clear(); // no longer needed
    } else this.hashes.add(h);
  }

  /** True when some key may have been staged twice. */
  get duplicates(): boolean {
    return this.repeated;
  }
}

/** Two independent 32-bit string hashes (FNV-1a and a multiply-xorshift), joined into 52 bits. */
export function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x100000 + (b >>> 12);
}
