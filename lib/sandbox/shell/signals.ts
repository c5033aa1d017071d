/**
 * Control flow that unwinds the interpreter: loop `break`/`continue`,
 * function `return`, `exit`, and errors that end the whole command line
 * (bash's "abort the current command" for expansion errors and `set -e`).
 */

export class BreakSignal {
  constructor(public levels: number) {}
}

export class ContinueSignal {
  constructor(public levels: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit`: ends the innermost shell (a subshell, `bash -c`, or the command line being run). */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** The command line stops here; its message (if any) is already on stderr. */
export class AbortSignal {
  constructor(readonly status: number) {}
}
