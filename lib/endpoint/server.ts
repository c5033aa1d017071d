import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { services as engineServices, type Sandbox, type ServiceId, type WireObject } from "@/lib/sandbox";
import type { ServiceSpec } from "@/lib/sandbox/core/operation";
import { counterRequestIds, handleRequest, type Exchange } from "./handler";
import type { RequestQuotas } from "./request-quotas";

/**
 * The sandbox as a local AWS endpoint: `aws --endpoint-url http://127.0.0.1:PORT kms list-keys`
 * (the real AWS CLI or any SDK) talks to the engine as it would to AWS.
 * Every request is made as the engine's current caller: signatures and
 * access keys are read for the Region only, never checked.
 */

export interface EndpointOptions {
  engine: Sandbox;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Called after each request: the request log (recording). */
  onExchange?: (exchange: Exchange) => void;
  services?: readonly ServiceSpec[];
  nextRequestId?: () => string;
  /** See HandlerOptions.prepareInput. */
  prepareInput?: (service: ServiceId, operation: string, input: WireObject) => WireObject;
  /** AWS's request quotas; none by default (nothing is throttled). */
  quotas?: RequestQuotas;
}

export interface RunningEndpoint {
  /** e.g. "http://127.0.0.1:4566" */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Bodies above this are refused: no AWS request of these services comes near it. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function startEndpoint(options: EndpointOptions): Promise<RunningEndpoint> {
  const host = options.host ?? "127.0.0.1";
  const handlerOptions = {
    engine: options.engine,
    services: options.services ?? engineServices,
    nextRequestId: options.nextRequestId ?? counterRequestIds(),
    ...(options.prepareInput ? { prepareInput: options.prepareInput } : {}),
    ...(options.quotas ? { quotas: options.quotas } : {}),
  };
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
        const { response: answer, exchange } = handleRequest({ method: request.method ?? "GET", path: request.url ?? "/", headers, body }, handlerOptions);
        options.onExchange?.(exchange);
        // Only the handler's headers, in its order: no Node Date (the simulated clock's is in
        // answer.headers) and no Connection/Keep-Alive, as AWS's answers have none.
        response.sendDate = false;
        response.removeHeader("connection");
        const answerHeaders = { ...answer.headers };
        answerHeaders["content-length"] ??= String(Buffer.byteLength(answer.body));
        response.writeHead(answer.status, answerHeaders);
        response.end(answer.body);
      },
      () => {
        // The whole body was read (and dropped), so the client gets this answer rather than a reset.
        const body = JSON.stringify({ __type: "RequestEntityTooLargeException", message: `The request body is larger than the sandbox's endpoint accepts (${MAX_BODY_BYTES / (1024 * 1024)} MB).` });
        response.sendDate = false;
        response.writeHead(413, { "content-type": "application/x-amz-json-1.1", "content-length": String(Buffer.byteLength(body)) });
        response.end(body);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The request body, or a rejection once it is known to be too large (the rest is read and dropped, holding no memory). */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | undefined = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) chunks = undefined;
      chunks?.push(chunk);
    });
    request.on("end", () => (chunks ? resolve(Buffer.concat(chunks).toString("utf8")) : reject(new Error("too large"))));
    request.on("error", reject);
  });
}
