/**
 * A KMS key's life over simulated time: the states it was in (replayed
 * through the engine's own lifecycle machine from the calls on the trail),
 * the key material versions rotation added, and samples encrypted along the
 * way that prove an old version still decrypts. Samples are real Encrypt
 * calls, kept as files in the learner's home so the CLI can decrypt them too.
 */
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { Sandbox } from "@/lib/sandbox/sandbox";
import { fromBase64, toBase64 } from "@/lib/sandbox/core/encoding";
import { parseBlob } from "@/lib/sandbox/crypto/ciphertext-blob";
import { machineStateName } from "@/lib/sandbox/inspect";
import { stepKey, type KeyLifecycleEventType } from "@/lib/sandbox/kms/key.machine";
import type { KeyStateValue, KmsKeyRecord } from "@/lib/sandbox/kms/state";
import type { MemoryFileSystem } from "@/lib/sandbox/vfs/memory";

/**
 * The calls that move a key through its lifecycle, and the machine event each
 * sends (as the operations in lib/sandbox/kms do). DeleteKey is the trail
 * event of the end of the waiting period.
 */
const LIFECYCLE_EVENTS: Record<string, KeyLifecycleEventType> = {
  EnableKey: "key.enable",
  DisableKey: "key.disable",
  ScheduleKeyDeletion: "key.scheduleDeletion",
  CancelKeyDeletion: "key.cancelDeletion",
  DeleteKey: "key.delete",
};

export interface TimelineEvent {
  at: number;
  eventName: string;
  /** The machine state the key was in afterwards ("Deleted" at the end). */
  state: string;
  /** A material version this event added (rotations). */
  materialVersion?: number;
}

export interface TimelineSegment {
  from: number;
  /** Undefined: still in this state now. */
  to?: number;
  state: string;
}

export interface KeyTimeline {
  keyId: string;
  arn: string;
  label: string;
  createdAt: number;
  now: number;
  state: string;
  events: TimelineEvent[];
  segments: TimelineSegment[];
  materials: { version: number; id: string; createdAt: number; rotationType?: string; current: boolean }[];
  deletionDate?: number;
  /** When automatic rotation next adds material; absent unless the key is Enabled, as only an enabled key rotates. */
  nextRotationAt?: number;
  /** The trail keeps the most recent events: older history of this key may be gone. */
  historyComplete: boolean;
}

function findKey(sandbox: Sandbox, keyId: string): KmsKeyRecord | undefined {
  return sandbox.regionState().kms.keys[keyId];
}

/** The key's timeline; undefined when the key does not exist (any more). */
export function keyTimeline(sandbox: Sandbox, keyId: string): KeyTimeline | undefined {
  const key = findKey(sandbox, keyId);
  if (!key) return undefined;
  const state = sandbox.peek();
  const aliases = Object.values(sandbox.regionState().kms.aliases).filter((alias) => alias.targetKeyId === key.keyId).map((alias) => alias.aliasName).sort();
  const trail = state.trail.filter((event) => event.errorCode === undefined && event.resources.some((resource) => resource.ARN === key.arn));
  const created = trail.find((event) => event.eventName === "CreateKey");
  const historyComplete = created !== undefined;
  // Replay from the creation (Enabled, or PendingImport for imported material); without it, from the state now.
  let current: KeyStateValue | "Deleted" = created ? (key.origin === "EXTERNAL" ? "PendingImport" : "Enabled") : key.state;
  const events: TimelineEvent[] = [];
  const segments: TimelineSegment[] = [{ from: created?.eventTime ?? trail[0]?.eventTime ?? key.createdAt, state: machineStateName(current as KeyStateValue) }];
  const materialByTime = new Map(key.materials.map((material, index) => [material.createdAt, index + 1]));
  for (const event of trail) {
    const machineEvent = LIFECYCLE_EVENTS[event.eventName];
    const rotation = event.eventName === "RotateKey" || event.eventName === "RotateKeyOnDemand" ? materialByTime.get(event.eventTime) : undefined;
    if (machineEvent && created && current !== "Deleted") {
      try {
        current = stepKey({ arn: key.arn, state: current as KeyStateValue }, machineEvent);
      } catch {
        // The call succeeded in the engine, so the machine accepts it; a refusal here means history was trimmed.
      }
      const name = current === "Deleted" ? "Deleted" : machineStateName(current as KeyStateValue);
      const last = segments[segments.length - 1]!;
      if (last.state !== name) {
        last.to = event.eventTime;
        segments.push({ from: event.eventTime, state: name });
      }
    }
    if (machineEvent || rotation !== undefined || event.eventName === "CreateKey") {
      events.push({ at: event.eventTime, eventName: event.eventName, state: current === "Deleted" ? "Deleted" : machineStateName(current as KeyStateValue), ...(rotation === undefined ? {} : { materialVersion: rotation }) });
    }
  }
  return {
    keyId: key.keyId,
    arn: key.arn,
    label: aliases[0] ?? key.keyId,
    createdAt: key.createdAt,
    now: state.now,
    state: machineStateName(key.state),
    events,
    segments,
    materials: key.materials.map((material, index) => ({ version: index + 1, id: material.id, createdAt: material.createdAt, ...(material.rotationType ? { rotationType: material.rotationType } : {}), current: index === key.currentMaterial })),
    ...(key.deletionDate === undefined ? {} : { deletionDate: key.deletionDate }),
    // A disabled key or one pending deletion does not rotate on its date (the engine keeps the date to catch up when the key is enabled again).
    ...(key.rotation.nextRotationAt === undefined || key.state !== "Enabled" ? {} : { nextRotationAt: key.rotation.nextRotationAt }),
    historyComplete,
  };
}

export const SAMPLES_DIRECTORY = "key-samples";

export interface Sample {
  file: string;
  /** The material version that encrypted it (from the ciphertext's header). */
  materialVersion: number;
  /** Its number among the key's samples (sample-N.bin). */
  number: number;
  /** Simulated time it was made (the file's modification time). */
  madeAt: number;
}

export interface SampleCheck extends Sample {
  ok: boolean;
  plaintext?: string;
  failure?: { code: string; message: string };
}

function samplesDir(fs: MemoryFileSystem, keyId: string): string {
  return `${fs.home}/${SAMPLES_DIRECTORY}/${keyId}`;
}

function listSamples(fs: MemoryFileSystem, keyId: string): Sample[] {
  const dir = samplesDir(fs, keyId);
  if (fs.stat(dir)?.type !== "directory") return [];
  return fs
    .list(dir)
    .flatMap((name) => {
      const number = Number(/^sample-(\d+)\.bin$/.exec(name)?.[1]);
      if (!Number.isInteger(number)) return [];
      const path = `${dir}/${name}`;
      const parsed = parseBlob(fs.readFile(path));
      return [{ file: `${SAMPLES_DIRECTORY}/${keyId}/${name}`, number, materialVersion: (parsed?.header.materialIndex ?? 0) + 1, madeAt: fs.stat(path)?.modifiedAt ?? 0 }];
    })
    .sort((a, b) => a.number - b.number);
}

/** Encrypts a sample under the key's current material now (Encrypt as the learner) and keeps it. */
export function encryptSample(sandbox: Sandbox, fs: MemoryFileSystem, keyId: string): { ok: true; sample: Sample } | { ok: false; failure: { code: string; message: string } } {
  const madeAt = sandbox.now;
  const text = `sample encrypted at ${new Date(madeAt).toISOString()}`;
  try {
    const response = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: toBase64(new TextEncoder().encode(text)) });
    const blob = fromBase64(String(response["CiphertextBlob"]));
    const number = (listSamples(fs, keyId).at(-1)?.number ?? 0) + 1;
    fs.mkdir(samplesDir(fs, keyId), { parents: true });
    fs.writeFile(`${samplesDir(fs, keyId)}/sample-${number}.bin`, blob);
    return { ok: true, sample: { file: `${SAMPLES_DIRECTORY}/${keyId}/sample-${number}.bin`, number, materialVersion: (parseBlob(blob)?.header.materialIndex ?? 0) + 1, madeAt } };
  } catch (error) {
    if (isAwsServiceError(error)) return { ok: false, failure: { code: error.code, message: error.message } };
    throw error;
  }
}

/** Decrypts every kept sample of the key (Decrypt as the learner): the proof that old material versions still decrypt. */
export function checkSamples(sandbox: Sandbox, fs: MemoryFileSystem, keyId: string): SampleCheck[] {
  return listSamples(fs, keyId).map((sample) => {
    try {
      const response = sandbox.call("kms", "Decrypt", { CiphertextBlob: toBase64(fs.readFile(`${fs.home}/${sample.file}`)) });
      return { ...sample, ok: true, plaintext: new TextDecoder().decode(fromBase64(String(response["Plaintext"]))) };
    } catch (error) {
      if (isAwsServiceError(error)) return { ...sample, ok: false, failure: { code: error.code, message: error.message } };
      throw error;
    }
  });
}

export function samplesOf(fs: MemoryFileSystem, keyId: string): Sample[] {
  return listSamples(fs, keyId);
}
