/** What a finished command gave back, as the terminal shows it. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Both streams in the order they were written, when the session knows it (what a terminal shows). */
  output?: string;
}
