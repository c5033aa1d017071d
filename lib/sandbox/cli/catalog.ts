/**
 * Every operation of the simulated services, supported or not, for the
 * site's page that lists them (generated from the models and the engine).
 */
import { commandText, notSimulatedNote, SERVICE_TEXTS } from "./descriptions";
import { commandTable, SERVICE_MODELS } from "./model";

export interface OperationSupport {
  /** CLI service command: kms, secretsmanager, ssm, sts. */
  service: string;
  /** The service's full name, e.g. "AWS Key Management Service (KMS)". */
  serviceTitle: string;
  /** API action, e.g. "Encrypt". */
  operation: string;
  /** CLI command, e.g. "encrypt". */
  command: string;
  supported: boolean;
  /** What it does (supported operations). */
  summary?: string;
  /** How the sandbox differs (or a tip), or why it is not simulated. */
  note?: string;
  /** Simulated in part: the note says what is left out. */
  partial?: boolean;
}

export function supportedOperations(): OperationSupport[] {
  const rows: OperationSupport[] = [];
  for (const service of SERVICE_MODELS.keys()) {
    const serviceTitle = SERVICE_TEXTS[service]?.title ?? service;
    for (const operation of commandTable(service).values()) {
      const supported = operation.entry.implemented === true;
      const text = commandText(service, operation.name);
      rows.push({
        service,
        serviceTitle,
        operation: operation.name,
        command: operation.command,
        supported,
        ...(supported && text ? { summary: text.summary } : {}),
        ...(supported ? (text?.note ? { note: text.note } : {}) : { note: notSimulatedNote(service, operation.name) }),
        ...(supported && text?.partial ? { partial: true } : {}),
      });
    }
  }
  return rows;
}

/** Each simulated service's simplifications, for the same page. */
export function serviceSimplifications(): { service: string; title: string; simplifications: string[] }[] {
  return [...SERVICE_MODELS.keys()].map((service) => ({ service, title: SERVICE_TEXTS[service]?.title ?? service, simplifications: SERVICE_TEXTS[service]?.simplifications ?? [] }));
}
