/**
 * The `clock advance` command that brings simulated time to a moment: the
 * Clock pane types it into the terminal, so the learner sees (and learns)
 * the command that moved time.
 */
const MINUTE = 60_000;

/** "1d2h3m"-style duration, rounded up to whole minutes (the shell's finest unit). */
export function durationArgument(ms: number): string {
  let minutes = Math.max(1, Math.ceil(ms / MINUTE));
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  return `${days ? `${days}d` : ""}${hours ? `${hours}h` : ""}${minutes ? `${minutes}m` : ""}`;
}

/** The command that moves the clock just past `at` (so what is due then has happened). */
export function advanceTo(now: number, at: number): string {
  return `clock advance ${durationArgument(at - now + 1)}`;
}
