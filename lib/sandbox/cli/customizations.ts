/**
 * The AWS CLI's per-command customizations for the services the sandbox
 * simulates beyond KMS, Secrets Manager, Parameter Store and STS, each
 * mirroring the awscli/botocore code that does it:
 *
 * - ec2 run-instances: --count MIN[:MAX] replaces --min-count/--max-count,
 *   default 1 (awscli/customizations/ec2/addcount.py); --user-data is
 *   base64-encoded for you (botocore.handlers.base64_encode_user_data);
 * - ec2 get-console-output: the output is base64-decoded for you
 *   (botocore.handlers.decode_console_output);
 * - lambda create-function: --zip-file fileb://FILE fills Code.ZipFile and
 *   --code stops being required; lambda update-function-code: --zip-file must
 *   be a zip (awscli/customizations/awslambda.py);
 * - lambda invoke: the response payload is written to the positional
 *   `outfile` and left out of what is printed
 *   (awscli/customizations/streamingoutputarg.py).
 */
import { toBase64, utf8 } from "../core/encoding";
import { unzip } from "../lambda/code";
import { FsError } from "../vfs/types";
import type { CliArgument } from "./arguments";
import { GeneralError } from "./errors";
import type { OperationInfo } from "./model";
import { b64decode } from "./python/base64";
import { isDict, PyDict, pyStr, type PyValue } from "./python/values";
import type { AwsCliContext } from "./types";

const ZIP_ERROR = "--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip";

function key(operation: OperationInfo): string {
  return `${operation.service}.${operation.name}`;
}

function isZip(value: PyValue): boolean {
  return unzip(value instanceof Uint8Array ? value : utf8.encode(pyStr(value))) !== undefined;
}

function zipFileArgument(apply: (params: PyDict, bytes: PyValue) => void): CliArgument {
  return {
    name: "zip-file",
    kind: "custom",
    required: false,
    apply(params, value) {
      if (value === null || value === undefined) return;
      if (!isZip(value)) throw new GeneralError(ZIP_ERROR);
      apply(params, value);
    },
  };
}

/** building-argument-table: the arguments each customized command adds, removes or changes. */
export function customizeArguments(operation: OperationInfo, table: CliArgument[]): CliArgument[] {
  switch (key(operation)) {
    case "ec2.RunInstances": {
      const kept = table.filter((argument) => argument.name !== "min-count" && argument.name !== "max-count");
      kept.push({
        name: "count",
        kind: "custom",
        required: false,
        apply(params, value) {
          if (value === null || value === undefined) return;
          const text = pyStr(value);
          const [min, max, extra] = text.includes(":") ? text.split(":") : [text, text];
          const parse = (part: string | undefined) => (part !== undefined && /^\s*[+-]?\d+\s*$/.test(part) ? Number.parseInt(part, 10) : Number.NaN);
          const minCount = parse(min);
          const maxCount = parse(max);
          if (extra !== undefined || Number.isNaN(minCount) || Number.isNaN(maxCount)) throw new GeneralError("count parameter should be of form min[:max] (e.g. 1 or 1:10)");
          params.set("MinCount", minCount);
          params.set("MaxCount", maxCount);
        },
      });
      return kept;
    }
    case "lambda.CreateFunction":
      return [
        ...table.map((argument) => (argument.name === "code" ? { ...argument, required: false } : argument)),
        zipFileArgument((params, bytes) => {
          const code = params.get("Code");
          const target = isDict(code) ? code : new PyDict();
          target.set("ZipFile", bytes);
          params.set("Code", target);
        }),
      ];
    case "lambda.UpdateFunctionCode":
      return table.map((argument) =>
        argument.name === "zip-file"
          ? zipFileArgument((params, bytes) => {
              params.set("ZipFile", bytes);
            })
          : argument,
      );
    case "lambda.Invoke":
      // The payload goes to a file; argparse adds the positional before the command's own "help".
      return [...table, { name: "outfile", kind: "custom", required: true, positional: true }];
    default:
      return table;
  }
}

/** before-parameter-build: defaults and encodings applied to the parameters. */
export function beforeParameterBuild(operation: OperationInfo, params: PyDict): void {
  if (key(operation) !== "ec2.RunInstances") return;
  if (!params.has("MaxCount")) params.set("MaxCount", 1);
  if (!params.has("MinCount")) params.set("MinCount", 1);
  const userData = params.get("UserData");
  if (typeof userData === "string") params.set("UserData", toBase64(utf8.encode(userData)));
  else if (userData instanceof Uint8Array) params.set("UserData", toBase64(userData));
}

/** after-call: changes to the parsed response, and files the command writes. */
export function afterCall(operation: OperationInfo, parsed: PyDict, positionals: ReadonlyMap<string, PyValue>, context: AwsCliContext): void {
  switch (key(operation)) {
    case "ec2.GetConsoleOutput": {
      const output = parsed.get("Output");
      // decode('utf-8', 'replace'): TextDecoder replaces bad bytes with U+FFFD as Python does.
      if (typeof output === "string") parsed.set("Output", utf8.decode(b64decode(output)));
      return;
    }
    case "lambda.Invoke": {
      const outfile = positionals.get("outfile");
      const payload = parsed.get("Payload");
      if (typeof outfile !== "string" || !parsed.has("Payload")) return;
      // Blobs arrive as the wire's base64 (the formatter prints them so); the file gets the bytes.
      const bytes = payload instanceof Uint8Array ? payload : typeof payload === "string" ? b64decode(payload) : new Uint8Array();
      try {
        context.fs.writeFile(context.fs.resolve(outfile), bytes);
      } catch (error) {
        if (error instanceof FsError) {
          const [errno, text] = error.code === "EISDIR" ? [21, "Is a directory"] : error.code === "ENOTDIR" ? [20, "Not a directory"] : [2, "No such file or directory"];
          throw new GeneralError(`[Errno ${errno}] ${text}: '${outfile}'`);
        }
        throw error;
      }
      parsed.delete("Payload");
      return;
    }
    default:
      return;
  }
}
