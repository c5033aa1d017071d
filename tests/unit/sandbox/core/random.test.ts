import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/lib/sandbox/core/random";

describe("seeded randomness", () => {
  it("repeats exactly for the same seed and differs for another", () => {
    const a = SeededRandom.fromSeed(7);
    const b = SeededRandom.fromSeed(7);
    const c = SeededRandom.fromSeed(8);
    const draw = (random: SeededRandom) => [random.uuid(), Array.from(random.bytes(5)), random.string("abc", 6), random.below(1000)];
    expect(draw(a)).toEqual(draw(b));
    expect(draw(a)).not.toEqual(draw(c));
  });

  it("continues identically from a saved state", () => {
    const random = SeededRandom.fromSeed(3);
    random.bytes(11);
    const resumed = SeededRandom.fromState(random.state());
    expect(resumed.uuid()).toBe(random.uuid());
  });

  it("makes version-4 UUIDs", () => {
    const random = SeededRandom.fromSeed(1);
    for (let index = 0; index < 50; index++) expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("draws integers below a bound uniformly enough", () => {
    const random = SeededRandom.fromSeed(5);
    const counts = [0, 0, 0];
    for (let index = 0; index < 3000; index++) counts[random.below(3)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(900);
  });
});
