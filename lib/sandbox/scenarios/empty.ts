import type { Scenario } from "./types";

/** The accounts, users and roles every sandbox has (see world.ts), and nothing else. */
export const emptyScenario: Scenario = {
  name: "empty",
  description: "An account with nothing in it yet.",
  build() {
    // The world's defaults are all there is.
  },
};
