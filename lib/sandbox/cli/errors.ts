/**
 * The CLI's failures, each with the exit code and the stderr text the real
 * CLI v2 prints (AWS-CLI.md §1.4): 252 for usage and parameter errors, 253
 * for configuration, 254 for service errors, 255 for everything else.
 * Every message is printed as "\n" + message + "\n".
 */
import { USAGE } from "./argparse";

export const EXIT = { OK: 0, USAGE: 252, CONFIGURATION: 253, SERVICE: 254, GENERAL: 255 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** `Unknown options: --bogus` (printed under the usage banner). */
export class UnknownArgumentError extends CliError {
  constructor(options: readonly string[]) {
    super(`usage: ${USAGE}\nUnknown options: ${options.join(", ")}\n`, EXIT.USAGE);
  }
}

/** `Error parsing parameter '--x': ...` (argprocess.ParamError). */
export class ParamError extends CliError {
  constructor(cliName: string, detail: string) {
    super(`Error parsing parameter '${cliName}': ${detail}`, EXIT.USAGE);
  }
}

/** botocore's client-side validation: `Parameter validation failed:\n...`. */
export class ParamValidationError extends CliError {
  constructor(report: string) {
    super(`Parameter validation failed:\n${report}`, EXIT.USAGE);
  }
}

/** The CLI's own parameter checks (awscli.customizations.exceptions.ParamValidationError). */
export class CliParamValidationError extends CliError {
  constructor(message: string) {
    super(message, EXIT.USAGE);
  }
}

/** A service error: `An error occurred (Code) when calling the Op operation: message`. */
export class ClientError extends CliError {
  constructor(code: string, operation: string, message: string, retryInfo = "") {
    super(`An error occurred (${code}) when calling the ${operation} operation${retryInfo}: ${message}`, EXIT.SERVICE);
  }
}

export class ConfigurationError extends CliError {
  constructor(message: string) {
    super(message, EXIT.CONFIGURATION);
  }
}

/** Anything else the CLI reports as a general failure (exit 255). */
export class GeneralError extends CliError {
  constructor(message: string) {
    super(message, EXIT.GENERAL);
  }
}
