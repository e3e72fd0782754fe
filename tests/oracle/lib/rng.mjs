// Seeded randomness shared by the generators: every fixture derives from fixed seeds, so the
// files are identical on every run.
const mulberry32 = (seed) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export class Rng {
  constructor(seed) { this.next = mulberry32(seed); }
  int(n) { return Math.floor(this.next() * n); }
  range(lo, hi) { return lo + this.int(hi - lo + 1); }
  chance(p) { return this.next() < p; }
  pick(a) { return a[this.int(a.length)]; }
  shuffle(a) {
    const r = a.slice();
    for (let i = r.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [r[i], r[j]] = [r[j], r[i]];
    }
    return r;
  }
  subset(a, p) { return a.filter(() => this.chance(p)); }
}
