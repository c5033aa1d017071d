import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const INSTALL_CHROMIUM = "sudo apt-get install -y chromium";

/** The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Chromium's version string, or null when it is missing or does not run. */
export function chromiumVersion(executable = chromiumPath()) {
  if (!existsSync(executable)) return null;
  try {
    return execFileSync(executable, ["--version"], { encoding: "utf8", timeout: 20_000 }).trim();
  } catch {
    return null;
  }
}
