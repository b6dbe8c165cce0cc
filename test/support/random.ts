/** A small seeded pseudo-random generator (mulberry32), so "random" test runs repeat exactly. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  /** Each item kept with probability p, in order. */
  const subset = <T>(items: readonly T[], p = 0.5): T[] => items.filter(() => next() < p);
  return { next, int, pick, subset };
}
