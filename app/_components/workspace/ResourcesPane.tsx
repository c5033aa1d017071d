"use client";

import { useId, useState, type ReactNode } from "react";
import type { CodeFunctionView, DatabaseView, FunctionView, InstanceView, KeyView, ParameterView, ResourcesView, SecretView, StackView } from "@/lib/sandbox/inspect";
import { formatRelative, formatSimTime, pathTree, shortArn, type TreeNode } from "@/lib/workspace/format";
import { Badge, CodeBox, Empty, Facts, Mono, PaneError, prettyJson, SubHeading, type Tone } from "./ui";
import { useSandboxData } from "./useSandboxData";
import { useSelection, useWorkspace, type Selection } from "./workspace-context";

/**
 * The Resources pane: what the learner has made, live after every command.
 * KMS keys, secrets and the parameter tree; picking one shows its details
 * (and the state diagram and key lifecycle panes follow the pick). EC2
 * instances and the learner's functions show once there are any, with what
 * their programs printed.
 */
export function ResourcesPane() {
  const { host } = useWorkspace();
  const { data, error, stale } = useSandboxData(host, "resources", (client) => client.resources());
  if (error) return <PaneError message={error} />;
  if (!data) return <Empty>Reading the sandbox…</Empty>;
  return (
    <div className="space-y-3 p-2" aria-busy={stale}>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Account <Mono>{data.accountId}</Mono>, Region <Mono>{data.region}</Mono>; commands run as <Mono>{shortArn(data.callerArn)}</Mono>.
      </p>
      <Group title="KMS keys" count={data.keys.length} empty="No keys yet. Try: aws kms create-key --description demo">
        {data.keys.map((key) => (
          <KeyRow key={key.keyId} keyView={key} now={data.now} />
        ))}
      </Group>
      <Group title="Secrets" count={data.secrets.length} empty='No secrets yet. Try: aws secretsmanager create-secret --name demo --secret-string "s3cr3t"'>
        {data.secrets.map((secret) => (
          <SecretRow key={secret.arn} secret={secret} now={data.now} />
        ))}
      </Group>
      <Group title="Parameters" count={data.parameters.length} empty="No parameters yet. Try: aws ssm put-parameter --name /app/color --value blue --type String">
        <ParameterTree nodes={pathTree(data.parameters, (parameter) => parameter.name)} data={data} />
      </Group>
      {data.instances.length + data.codeFunctions.length > 0 ? (
        <Group title="Instances and functions" count={data.instances.length + data.codeFunctions.length} empty="">
          {data.instances.map((instance) => (
            <InstanceRow key={instance.instanceId} instance={instance} />
          ))}
          {data.codeFunctions.map((fn) => (
            <CodeFunctionRow key={fn.arn} fn={fn} />
          ))}
        </Group>
      ) : null}
      {data.stacks.length > 0 ? (
        <Group title="CloudFormation stacks" count={data.stacks.length} empty="">
          {data.stacks.map((stack) => (
            <StackRow key={stack.stackId} stack={stack} now={data.now} />
          ))}
        </Group>
      ) : null}
      {data.functions.length + data.databases.length > 0 ? (
        <Group title="Rotation functions and databases (simulated)" count={data.functions.length + data.databases.length} empty="">
          {data.functions.map((fn) => (
            <FunctionRow key={fn.arn} fn={fn} />
          ))}
          {data.databases.map((database) => (
            <DatabaseRow key={database.identifier} database={database} />
          ))}
        </Group>
      ) : null}
    </div>
  );
}

function Group({ title, count, empty, children }: { title: string; count: number; empty: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-1 text-sm font-semibold">
        {title} <span className="font-normal text-slate-600 dark:text-slate-400">({count})</span>
      </h3>
      {count === 0 ? <Empty>{empty}</Empty> : <ul className="space-y-1">{children}</ul>}
    </section>
  );
}

function sameSelection(a: Selection | undefined, b: Selection): boolean {
  return a?.kind === b.kind && a.id === b.id;
}

/** A row that opens its details below it; opening it also makes it the workspace's selection. */
function Row({ selection, summary, children }: { selection: Selection; summary: ReactNode; children: () => ReactNode }) {
  const [current, select] = useSelection();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const selected = sameSelection(current, selection);
  return (
    <li className={`rounded border ${selected ? "border-brand-600 dark:border-brand-400" : "border-slate-200 dark:border-slate-700"}`}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => {
          setOpen(!open);
          select(selection);
        }}
        className="flex w-full flex-wrap items-center gap-x-2 gap-y-1 px-2 py-1.5 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-900"
      >
        <span aria-hidden className="w-3 text-slate-500">
          {open ? "▾" : "▸"}
        </span>
        {summary}
        {selected ? <span className="sr-only">(selected)</span> : null}
      </button>
      <div id={detailsId} hidden={!open} className="border-t border-slate-200 px-2 py-2 dark:border-slate-700">
        {open ? children() : null}
      </div>
    </li>
  );
}

const keyStateTone: Record<KeyView["keyState"], Tone> = { Enabled: "green", Disabled: "grey", PendingDeletion: "red", PendingImport: "amber" };

function KeyRow({ keyView: key, now }: { keyView: KeyView; now: number }) {
  const name = key.aliases[0] ?? key.keyId;
  return (
    <Row
      selection={{ kind: "key", id: key.keyId }}
      summary={
        <>
          <span className="min-w-0 break-all font-mono text-[0.8rem] font-semibold">{name}</span>
          <Badge tone={keyStateTone[key.keyState]}>{key.keyState}</Badge>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {key.keySpec} · {key.keyUsage === "ENCRYPT_DECRYPT" ? "encrypt/decrypt" : key.keyUsage === "SIGN_VERIFY" ? "sign/verify" : key.keyUsage.toLowerCase().replace(/_/g, " ")}
            {key.keyManager === "AWS" ? " · AWS managed" : ""}
            {key.rotation.enabled ? ` · rotates every ${key.rotation.periodInDays} days` : ""}
          </span>
        </>
      }
    >
      {() => (
        <>
          <Facts
            items={[
              ["Key ID", <Mono key="id">{key.keyId}</Mono>],
              ["ARN", <Mono key="arn">{key.arn}</Mono>],
              ["Aliases", key.aliases.length ? key.aliases.map((alias) => <Mono key={alias}>{alias} </Mono>) : "none"],
              ["Description", key.description || "(none)"],
              [
                "State",
                <span key="state">
                  {key.keyState}
                  {key.deletionDate !== undefined ? ` — deleted ${formatSimTime(key.deletionDate)} (${formatRelative(now, key.deletionDate)}) unless cancelled` : ""}
                </span>,
              ],
              ["Spec, usage", `${key.keySpec}, ${key.keyUsage}`],
              ["Origin, manager", `${key.origin}, ${key.keyManager}`],
              ["Created", formatSimTime(key.createdAt)],
              [
                "Automatic rotation",
                key.rotation.enabled
                  ? `every ${key.rotation.periodInDays} days${key.rotation.nextRotationAt !== undefined ? `, next ${formatSimTime(key.rotation.nextRotationAt)} (${formatRelative(now, key.rotation.nextRotationAt)})` : ""}`
                  : "off",
              ],
              ["On-demand rotations", String(key.rotation.onDemandRotations)],
              ["Tags", key.tags.length ? key.tags.map((tag) => `${tag.key}=${tag.value}`).join(", ") : "none"],
            ]}
          />
          <SubHeading>Key material versions ({key.materials.length})</SubHeading>
          {key.materials.length === 0 ? (
            <Empty>No key material: the key waits for imported material.</Empty>
          ) : (
            <table className="w-full text-left text-xs">
              <caption className="sr-only">Key material versions of {name}, oldest first</caption>
              <thead>
                <tr className="text-slate-600 dark:text-slate-400">
                  <th scope="col" className="py-0.5 pr-2 font-medium">#</th>
                  <th scope="col" className="py-0.5 pr-2 font-medium">Created</th>
                  <th scope="col" className="py-0.5 pr-2 font-medium">How</th>
                  <th scope="col" className="py-0.5 font-medium">Use</th>
                </tr>
              </thead>
              <tbody>
                {key.materials.map((material, index) => (
                  <tr key={material.id} className="border-t border-slate-200 dark:border-slate-700">
                    <td className="py-0.5 pr-2 font-mono" title={material.id}>
                      {index + 1}
                    </td>
                    <td className="py-0.5 pr-2">{formatSimTime(material.createdAt)}</td>
                    <td className="py-0.5 pr-2">{material.rotationType === undefined ? "original" : material.rotationType === "AUTOMATIC" ? "automatic rotation" : "on-demand rotation"}</td>
                    <td className="py-0.5">{material.current ? <Badge tone="green">encrypts and decrypts</Badge> : <Badge tone="grey">decrypts only</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <SubHeading>Key policy</SubHeading>
          <CodeBox label={`Key policy of ${name}`}>{prettyJson(key.policy)}</CodeBox>
        </>
      )}
    </Row>
  );
}

function stageTone(stage: string): Tone {
  return stage === "AWSCURRENT" ? "green" : stage === "AWSPENDING" ? "amber" : stage === "AWSPREVIOUS" ? "grey" : "violet";
}

export function StageBadges({ stages }: { stages: readonly string[] }) {
  if (stages.length === 0) return <Badge tone="grey">no labels (deprecated)</Badge>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {stages.map((stage) => (
        <Badge key={stage} tone={stageTone(stage)}>
          {stage}
        </Badge>
      ))}
    </span>
  );
}

function SecretRow({ secret, now }: { secret: SecretView; now: number }) {
  const rotation = secret.rotation;
  return (
    <Row
      selection={{ kind: "secret", id: secret.arn }}
      summary={
        <>
          <span className="min-w-0 break-all font-mono text-[0.8rem] font-semibold">{secret.name}</span>
          {secret.lifecycle === "PendingDeletion" ? <Badge tone="red">scheduled for deletion</Badge> : null}
          {rotation.state === "incomplete" ? <Badge tone="amber">rotation incomplete</Badge> : null}
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {secret.versions.length} version{secret.versions.length === 1 ? "" : "s"}
            {rotation.enabled ? " · rotation on" : ""}
          </span>
        </>
      }
    >
      {() => (
        <>
          <Facts
            items={[
              ["ARN", <Mono key="arn">{secret.arn}</Mono>],
              ["Description", secret.description ?? "(none)"],
              ["Encrypted with", <Mono key="kms">{secret.kmsKeyId}</Mono>],
              ["Created", formatSimTime(secret.createdAt)],
              ["Last changed", formatSimTime(secret.lastChangedAt)],
              ["Last read", secret.lastAccessedAt === undefined ? "never" : formatSimTime(secret.lastAccessedAt).slice(0, 10)],
              [
                "Deletion",
                secret.deletionDate === undefined ? "not scheduled" : `deleted for good ${formatSimTime(secret.deletionDate)} (${formatRelative(now, secret.deletionDate)}) unless restored`,
              ],
            ]}
          />
          <SubHeading>Rotation</SubHeading>
          <Facts
            items={[
              ["Rotation", rotation.enabled ? "on" : rotation.configured ? "off (cancelled)" : "not configured"],
              ["Function", rotation.lambdaArn ? <Mono key="fn">{shortArn(rotation.lambdaArn)}</Mono> : "none"],
              ["Schedule", rotation.rules ? Object.entries(rotation.rules).map(([name, value]) => `${name} ${String(value)}`).join(", ") : "none"],
              ["Last rotated", rotation.lastRotatedAt === undefined ? "never" : formatSimTime(rotation.lastRotatedAt)],
              ["Next rotation", rotation.nextRotationAt === undefined ? "none scheduled" : `${formatSimTime(rotation.nextRotationAt)} (${formatRelative(now, rotation.nextRotationAt)})`],
              ["Where it stands", rotation.state === "idle" ? "no rotation in progress" : rotation.state === "incomplete" ? "a rotation did not finish (AWSPENDING is on another version)" : `at ${rotation.state}`],
            ]}
          />
          {rotation.lastAttempt ? (
            <>
              <SubHeading>Last rotation attempt ({rotation.lastAttempt.outcome})</SubHeading>
              <ol className="space-y-0.5 text-xs">
                {rotation.lastAttempt.steps.map((step) => (
                  <li key={step.step}>
                    <span aria-hidden>{step.ok ? "✓" : "✗"}</span> <span className="font-mono">{step.step}</span> {step.ok ? "succeeded" : `failed: ${step.errorType ?? ""} ${step.errorMessage ?? ""}`}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          <SubHeading>Versions, newest first</SubHeading>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Versions of {secret.name} with their staging labels</caption>
            <thead>
              <tr className="text-slate-600 dark:text-slate-400">
                <th scope="col" className="py-0.5 pr-2 font-medium">Version id</th>
                <th scope="col" className="py-0.5 pr-2 font-medium">Labels</th>
                <th scope="col" className="py-0.5 font-medium">Created</th>
              </tr>
            </thead>
            <tbody>
              {secret.versions.map((version) => (
                <tr key={version.versionId} className="border-t border-slate-200 align-top dark:border-slate-700">
                  <td className="py-0.5 pr-2 font-mono" title={version.versionId}>
                    {version.versionId.slice(0, 8)}…{version.hasValue ? "" : " (empty)"}
                  </td>
                  <td className="py-0.5 pr-2">
                    <StageBadges stages={version.stages} />
                  </td>
                  <td className="py-0.5">{formatSimTime(version.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {secret.policy ? (
            <>
              <SubHeading>Resource policy</SubHeading>
              <CodeBox label={`Resource policy of ${secret.name}`}>{prettyJson(secret.policy)}</CodeBox>
            </>
          ) : null}
        </>
      )}
    </Row>
  );
}

function ParameterTree({ nodes, data }: { nodes: TreeNode<ParameterView>[]; data: ResourcesView }) {
  return (
    <>
      {nodes.map((node) =>
        node.item && node.children.length === 0 ? (
          <ParameterRow key={node.path} parameter={node.item} label={node.name} />
        ) : (
          <li key={node.path}>
            <details open className="group">
              <summary className="cursor-pointer rounded px-1 py-0.5 font-mono text-[0.8rem] hover:bg-slate-50 dark:hover:bg-slate-900">
                {node.name}/ <span className="font-sans text-xs text-slate-600 dark:text-slate-400">({countLeaves(node)})</span>
              </summary>
              <ul className="ml-3 space-y-1 border-l border-slate-200 pl-2 dark:border-slate-700">
                {node.item ? <ParameterRow parameter={node.item} label={`${node.name} (itself)`} /> : null}
                <ParameterTree nodes={node.children} data={data} />
              </ul>
            </details>
          </li>
        ),
      )}
    </>
  );
}

function countLeaves(node: TreeNode<ParameterView>): number {
  return (node.item ? 1 : 0) + node.children.reduce((sum, child) => sum + countLeaves(child), 0);
}

function ParameterRow({ parameter, label }: { parameter: ParameterView; label: string }) {
  const current = parameter.history[0];
  return (
    <Row
      selection={{ kind: "parameter", id: parameter.name }}
      summary={
        <>
          <span className="min-w-0 break-all font-mono text-[0.8rem] font-semibold" title={parameter.name}>
            {label}
          </span>
          <Badge tone={parameter.type === "SecureString" ? "violet" : "blue"}>{parameter.type}</Badge>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            v{parameter.version} · {parameter.tier}
          </span>
        </>
      }
    >
      {() => (
        <>
          <Facts
            items={[
              ["Name", <Mono key="name">{parameter.name}</Mono>],
              ["Type, tier", `${parameter.type}, ${parameter.tier}`],
              ["Data type", parameter.dataType],
              ["Version", String(parameter.version)],
              ["Value", current?.value !== undefined ? <Mono key="value">{current.value}</Mono> : "encrypted (read it with --with-decryption)"],
              ...(parameter.keyId ? ([["KMS key", <Mono key="key">{parameter.keyId}</Mono>]] as [string, ReactNode][]) : []),
              ["Description", parameter.description ?? "(none)"],
              ["Last modified", formatSimTime(parameter.lastModifiedDate)],
              ["Policies", current?.policies?.length ? current.policies.map((policy) => `${policy.type} (${policy.status})`).join(", ") : "none"],
            ]}
          />
          <SubHeading>History, newest first</SubHeading>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Versions of {parameter.name} with their labels</caption>
            <thead>
              <tr className="text-slate-600 dark:text-slate-400">
                <th scope="col" className="py-0.5 pr-2 font-medium">Version</th>
                <th scope="col" className="py-0.5 pr-2 font-medium">Labels</th>
                <th scope="col" className="py-0.5 pr-2 font-medium">Value</th>
                <th scope="col" className="py-0.5 font-medium">Modified</th>
              </tr>
            </thead>
            <tbody>
              {parameter.history.map((version) => (
                <tr key={version.version} className="border-t border-slate-200 align-top dark:border-slate-700">
                  <td className="py-0.5 pr-2">{version.version}</td>
                  <td className="py-0.5 pr-2">{version.labels.length ? version.labels.join(", ") : "—"}</td>
                  <td className="max-w-[12rem] break-all py-0.5 pr-2 font-mono">{version.value ?? "(encrypted)"}</td>
                  <td className="py-0.5">{formatSimTime(version.lastModifiedDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Row>
  );
}

function FunctionRow({ fn }: { fn: FunctionView }) {
  return (
    <li className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <p>
        <span className="font-mono text-[0.8rem] font-semibold">{fn.name}</span>{" "}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          Lambda rotation function, {fn.strategy}
          {fn.database ? `, database ${fn.database}` : ""}
        </span>{" "}
        {fn.fault ? <Badge tone="red">{"unreachable" in fn.fault ? "cannot reach the database" : `fails at ${fn.fault.step}`}</Badge> : null}
      </p>
      <FunctionLog name={fn.name} logs={fn.logs} />
    </li>
  );
}

const instanceTone: Record<InstanceView["state"], Tone> = { pending: "amber", running: "green", "shutting-down": "amber", terminated: "grey" };

function InstanceRow({ instance }: { instance: InstanceView }) {
  return (
    <li className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-mono text-[0.8rem] font-semibold">{instance.instanceId}</span>
        {instance.name ? <span className="text-xs">{instance.name}</span> : null}
        <Badge tone={instanceTone[instance.state]}>{instance.state}</Badge>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          EC2 {instance.instanceType}, {instance.profile ? `instance profile ${instance.profile}` : "no instance profile (no credentials)"}
        </span>
      </p>
      {instance.consoleOutput ? (
        <MoreText summary={`Console output${instance.hasUserData ? " (with the user data's output)" : ""}`} label={`Console output of ${instance.instanceId}`} text={instance.consoleOutput.replace(/\n$/, "")} />
      ) : null}
    </li>
  );
}

function CodeFunctionRow({ fn }: { fn: CodeFunctionView }) {
  const variables = Object.entries(fn.environment);
  return (
    <li className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <p>
        <span className="font-mono text-[0.8rem] font-semibold">{fn.name}</span>{" "}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          Lambda function, {fn.runtime}, handler {fn.handler}, role {shortArn(fn.role)}
        </span>
      </p>
      {variables.length > 0 ? (
        <p className="mt-1 text-xs">
          Environment: {variables.map(([name, value]) => <Mono key={name}>{`${name}=${value} `}</Mono>)}
        </p>
      ) : null}
      <FunctionLog name={fn.name} logs={fn.logs} />
    </li>
  );
}

function stackTone(status: string): Tone {
  if (status.endsWith("_COMPLETE") && !status.startsWith("ROLLBACK") && !status.startsWith("DELETE")) return "green";
  if (status.endsWith("_IN_PROGRESS")) return "amber";
  if (status.endsWith("_FAILED") || status.startsWith("ROLLBACK")) return "red";
  return "grey";
}

function StackRow({ stack, now }: { stack: StackView; now: number }) {
  return (
    <li className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-mono text-[0.8rem] font-semibold">{stack.name}</span>
        <Badge tone={stackTone(stack.status)}>{stack.status}</Badge>
        <span className="text-xs text-slate-600 dark:text-slate-400">created {formatRelative(now, stack.createdAt)}</span>
      </p>
      {stack.statusReason ? <p className="mt-1 text-xs">{stack.statusReason}</p> : null}
      {stack.parameters.some((parameter) => parameter.resolvedValue !== undefined) ? (
        <p className="mt-1 text-xs">
          Resolved parameters:{" "}
          {stack.parameters
            .filter((parameter) => parameter.resolvedValue !== undefined)
            .map((parameter) => (
              <Mono key={parameter.key}>{`${parameter.key}: ${parameter.value} → ${parameter.resolvedValue} `}</Mono>
            ))}
        </p>
      ) : null}
      {stack.resources.length > 0 ? (
        <table className="mt-1 w-full text-left text-xs">
          <caption className="sr-only">Resources of the stack {stack.name}</caption>
          <thead>
            <tr className="text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-0.5 pr-2 font-medium">Logical id</th>
              <th scope="col" className="py-0.5 pr-2 font-medium">Type</th>
              <th scope="col" className="py-0.5 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {stack.resources.map((resource) => (
              <tr key={resource.logicalId} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-0.5 pr-2 font-mono">{resource.logicalId}</td>
                <td className="py-0.5 pr-2 font-mono">{resource.type}</td>
                <td className="py-0.5">
                  {resource.status}
                  {resource.physicalId ? <span className="block break-all font-mono text-slate-600 dark:text-slate-400">{resource.physicalId}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {stack.events.length > 0 ? (
        <MoreText
          summary={`Events, newest first (${stack.events.length})`}
          label={`Events of ${stack.name}`}
          text={stack.events.map((event) => `${formatSimTime(event.at)} ${event.logicalId} ${event.status}${event.reason ? ` ${event.reason}` : ""}`).join("\n")}
        />
      ) : null}
    </li>
  );
}

/** Text worth a look but not at first: a summary line that opens a code box. */
function MoreText({ summary, label, text }: { summary: string; label: string; text: string }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs">{summary}</summary>
      <CodeBox label={label}>{text}</CodeBox>
    </details>
  );
}

/** A function's recent log lines (rotation functions and the learner's alike). */
function FunctionLog({ name, logs }: { name: string; logs: FunctionView["logs"] }) {
  if (logs.length === 0) return null;
  return <MoreText summary={`Recent log lines (${logs.length})`} label={`Log of ${name}`} text={logs.map((entry) => `${formatSimTime(entry.at)} ${entry.level} ${entry.message}`).join("\n")} />;
}

function DatabaseRow({ database }: { database: DatabaseView }) {
  return (
    <li className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <p>
        <span className="font-mono text-[0.8rem] font-semibold">{database.identifier}</span>{" "}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {database.engine} database at {database.host}:{database.port}
        </span>{" "}
        {database.available ? null : <Badge tone="red">unreachable</Badge>}
      </p>
      <table className="mt-1 w-full text-left text-xs">
        <caption className="sr-only">Users of the database {database.identifier} and their current passwords</caption>
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-0.5 pr-2 font-medium">User</th>
            <th scope="col" className="py-0.5 font-medium">Password now</th>
          </tr>
        </thead>
        <tbody>
          {database.users.map((user) => (
            <tr key={user.name} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-0.5 pr-2 font-mono">
                {user.name}
                {user.superuser ? " (admin)" : ""}
              </td>
              <td className="break-all py-0.5 font-mono">{user.password}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}
