"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { KeyView } from "@/lib/sandbox/inspect";
import { decryptDataKeyCode, decryptLocallyCode, discardKeyCode, encryptLocallyCode, generateDataKeyCode, parseContext, storeEnvelopeCode } from "@/lib/visualize/envelope/commands";
// Types only: the explorer itself runs in the worker, with the engine.
import type { OpenResult, SealedEnvelope, TamperPart } from "@/lib/visualize/envelope/explorer";
import { ByteView, fromBase64 } from "./ByteView";
import { CodeTabs } from "./CodeTabs";
import { Badge, buttonClass, Empty, Mono, PaneError } from "./ui";
import { useSandboxData } from "./useSandboxData";
import { useReducedMotion } from "./useReducedMotion";
import { useWorkspace } from "./workspace-context";

/**
 * The envelope encryption explorer: the learner's text or file encrypted
 * with a data key from one of their own KMS keys, step by step, and opened
 * again; any byte can be flipped and the encryption context changed to see
 * what fails and why. Every KMS call is real and appears in Activity.
 */
const MAX_BYTES = 8 * 1024 * 1024;
const STEPS = ["GenerateDataKey", "Encrypt locally", "Discard the plaintext key", "Store the envelope", "Decrypt the data key", "Decrypt the data"] as const;
const AUTOPLAY_MS = 3000;

interface Input {
  name: string;
  bytes: Uint8Array;
  /** What the learner typed, when the input is text. */
  text?: string;
}

function usableKeys(keys: KeyView[]): KeyView[] {
  return keys.filter((key) => key.keyManager === "CUSTOMER" && key.keySpec === "SYMMETRIC_DEFAULT" && key.keyUsage === "ENCRYPT_DECRYPT");
}

function textOf(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

export function EnvelopePane() {
  const { host } = useWorkspace();
  const reduced = useReducedMotion();
  const keys = useSandboxData(host, "envelope-keys", (client) => client.resources());
  const [keyId, setKeyId] = useState("");
  const [contextText, setContextText] = useState("dept=finance");
  const [input, setInput] = useState<Input>({ name: "message.txt", bytes: new TextEncoder().encode("Quarterly numbers: 42"), text: "Quarterly numbers: 42" });
  const [inputError, setInputError] = useState<string | undefined>();
  const [sealed, setSealed] = useState<{ envelope: SealedEnvelope; original: string } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<OpenResult | undefined>();
  const [tamper, setTamper] = useState<{ part: TamperPart | "none"; index: number }>({ part: "none", index: 0 });
  const [openContextText, setOpenContextText] = useState("");
  const ids = { key: useId(), context: useId(), text: useId(), file: useId(), part: useId(), index: useId(), openContext: useId() };
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const candidates = usableKeys(keys.data?.keys ?? []);
  useEffect(() => {
    if (!keyId && candidates[0]) setKeyId(candidates[0].aliases[0] ?? candidates[0].keyId);
  }, [keyId, candidates]);

  // Autoplay: one step every few seconds, stopping at the end.
  useEffect(() => {
    if (!playing || !sealed) return;
    if (step >= STEPS.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => goTo(step + 1, false), AUTOPLAY_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, step, sealed]);

  const parsedContext = parseContext(contextText);

  const seal = async () => {
    if (!parsedContext.ok) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await host.client.visualize.envelopeSeal({ keyId, context: parsedContext.context, data: input.bytes, name: input.name });
      if (!result.ok) {
        setFailure(`${result.failure.code}: ${result.failure.message}`);
        setSealed(undefined);
        return;
      }
      setSealed({ envelope: result.envelope, original: base64Of(input.bytes) });
      setOpened(undefined);
      setTamper({ part: "none", index: 0 });
      setOpenContextText(contextText);
      setStep(0);
      stepHeading.current?.focus();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const open = async (overrides: { tamper?: typeof tamper; contextText?: string } = {}) => {
    if (!sealed) return;
    const context = parseContext(overrides.contextText ?? openContextText);
    if (!context.ok) return;
    const flip = overrides.tamper ?? tamper;
    setBusy(true);
    try {
      setOpened(await host.client.visualize.envelopeOpen({ envelope: sealed.envelope, context: context.context, ...(flip.part === "none" ? {} : { tamper: { part: flip.part, index: flip.index } }) }));
    } finally {
      setBusy(false);
    }
  };

  const goTo = (next: number, focus = true) => {
    const bounded = Math.max(0, Math.min(STEPS.length - 1, next));
    setStep(bounded);
    if (bounded >= 4 && !opened) void open();
    if (focus) stepHeading.current?.focus();
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setInputError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the explorer takes up to 8 MiB.`);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = textOf(bytes);
    setInput({ name: file.name, bytes, ...(text !== undefined ? { text } : {}) });
    setInputError(undefined);
  };

  if (keys.error) return <PaneError message={keys.error} />;
  const field = "w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-900";
  return (
    <div className="space-y-3 p-2 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        Encrypt your own data the way S3, EBS and Secrets Manager do: a data key from KMS, encryption here, the key thrown away, the encrypted key kept beside the data.
        Every KMS call is real and shows in Activity.
      </p>
      <form
        className="grid gap-2 rounded border border-slate-200 p-2 dark:border-slate-700 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          void seal();
        }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          void chooseFile(event.dataTransfer.files[0]);
        }}
      >
        <label htmlFor={ids.key} className="flex flex-col gap-1">
          <span className="font-medium">KMS key</span>
          {candidates.length === 0 ? (
            <span className="text-slate-700 dark:text-slate-300">
              {keys.data ? (
                <>
                  No customer managed symmetric key yet: run <Mono>aws kms create-key</Mono> in the terminal.
                </>
              ) : (
                "Reading your keys…"
              )}
            </span>
          ) : (
            <select id={ids.key} value={keyId} onChange={(event) => setKeyId(event.target.value)} className={field}>
              {candidates.map((key) => (
                <option key={key.keyId} value={key.aliases[0] ?? key.keyId}>
                  {key.aliases[0] ?? key.keyId}
                  {key.keyState === "Enabled" ? "" : ` (${key.keyState})`}
                </option>
              ))}
            </select>
          )}
        </label>
        <label htmlFor={ids.context} className="flex flex-col gap-1">
          <span className="font-medium">Encryption context (key=value per line, optional)</span>
          <textarea id={ids.context} rows={2} value={contextText} onChange={(event) => setContextText(event.target.value)} className={`${field} font-mono`} aria-invalid={!parsedContext.ok} />
          {!parsedContext.ok ? <span className="text-rose-700 dark:text-rose-300">{parsedContext.message}</span> : null}
        </label>
        <label htmlFor={ids.text} className="flex flex-col gap-1 sm:col-span-2">
          <span className="font-medium">Data to encrypt: type it, or drop a file here</span>
          <textarea
            id={ids.text}
            rows={2}
            value={input.text ?? ""}
            placeholder={input.text === undefined ? `${input.name}: ${input.bytes.length} bytes of binary data` : undefined}
            onChange={(event) => setInput({ name: "message.txt", bytes: new TextEncoder().encode(event.target.value), text: event.target.value })}
            className={field}
          />
        </label>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
          <label htmlFor={ids.file} className={`${buttonClass} cursor-pointer focus-within:outline focus-within:outline-3 focus-within:outline-brand-600`}>
            Choose a file…
            <input id={ids.file} type="file" className="sr-only" onChange={(event) => void chooseFile(event.target.files?.[0])} />
          </label>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {input.name}, {input.bytes.length} bytes
          </span>
          <button type="submit" disabled={busy || candidates.length === 0 || !parsedContext.ok} className="ml-auto rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
            Encrypt it
          </button>
        </div>
        {inputError ? (
          <p role="alert" className="text-rose-700 dark:text-rose-300 sm:col-span-2">
            {inputError}
          </p>
        ) : null}
      </form>
      {failure ? (
        <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-2 text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
          KMS refused GenerateDataKey: {failure}
        </p>
      ) : null}
      {sealed ? (
        <section aria-label="Envelope encryption, step by step" className="rounded border border-slate-200 p-2 dark:border-slate-700">
          <ol className="flex flex-wrap gap-1" aria-label="Steps">
            {STEPS.map((title, index) => (
              <li key={title}>
                <button
                  type="button"
                  aria-current={index === step ? "step" : undefined}
                  onClick={() => goTo(index)}
                  className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${index === step ? "bg-brand-600 text-white ring-brand-600" : index < step ? "ring-slate-400" : "ring-slate-300 text-slate-600 dark:text-slate-400"}`}
                >
                  {index + 1}. {title}
                </button>
              </li>
            ))}
          </ol>
          <div className="mt-2 flex flex-wrap gap-1">
            <button type="button" className={buttonClass} disabled={step === 0} onClick={() => goTo(step - 1)}>
              ← Back
            </button>
            <button type="button" className={buttonClass} disabled={step === STEPS.length - 1} onClick={() => goTo(step + 1)}>
              Next →
            </button>
            <button type="button" className={buttonClass} aria-pressed={playing} onClick={() => setPlaying(!playing)} disabled={!playing && step === STEPS.length - 1}>
              {playing ? "Pause" : "Play"}
            </button>
          </div>
          <h3 ref={stepHeading} tabIndex={-1} className="mt-3 text-base font-semibold">
            Step {step + 1} of {STEPS.length}: {STEPS[step]}
          </h3>
          <div aria-live="polite" className="sr-only">
            Step {step + 1} of {STEPS.length}: {STEPS[step]}. {summary(step, sealed.envelope, opened)}
          </div>
          <StepBody step={step} envelope={sealed.envelope} original={sealed.original} opened={opened} reduced={reduced} tamper={tamper} />
          {step >= 4 ? (
            <fieldset className="mt-3 rounded border border-amber-300 p-2 dark:border-amber-700">
              <legend className="px-1 text-sm font-semibold">Try to break it</legend>
              <div className="grid gap-2 sm:grid-cols-3">
                <label htmlFor={ids.part} className="flex flex-col gap-1 text-xs">
                  Flip a byte of
                  <select id={ids.part} value={tamper.part} onChange={(event) => setTamper({ ...tamper, part: event.target.value as TamperPart | "none" })} className={field}>
                    <option value="none">nothing</option>
                    <option value="encrypted-key">the encrypted data key</option>
                    <option value="nonce">the nonce</option>
                    <option value="ciphertext">the ciphertext</option>
                    <option value="tag">the authentication tag</option>
                  </select>
                </label>
                <label htmlFor={ids.index} className="flex flex-col gap-1 text-xs">
                  at byte (from 0)
                  <input id={ids.index} type="number" min={0} value={tamper.index} onChange={(event) => setTamper({ ...tamper, index: Math.max(0, Number(event.target.value) || 0) })} className={field} disabled={tamper.part === "none"} />
                </label>
                <label htmlFor={ids.openContext} className="flex flex-col gap-1 text-xs">
                  Encryption context for Decrypt
                  <textarea id={ids.openContext} rows={1} value={openContextText} onChange={(event) => setOpenContextText(event.target.value)} className={`${field} font-mono`} />
                </label>
              </div>
              <button type="button" className={`${buttonClass} mt-2`} disabled={busy} onClick={() => void open()}>
                Decrypt again
              </button>
            </fieldset>
          ) : null}
        </section>
      ) : (
        <Empty>Choose a key and some data, then Encrypt it: the steps appear here.</Empty>
      )}
    </div>
  );
}

function summary(step: number, envelope: SealedEnvelope, opened: OpenResult | undefined): string {
  switch (step) {
    case 0:
      return `KMS returned a 32-byte data key twice: in plaintext, and encrypted under ${envelope.keyArn}.`;
    case 1:
      return `The data, ${envelope.dataBytes} bytes, was encrypted here with AES-256-GCM under the plaintext data key, with a 12-byte nonce and a 16-byte tag.`;
    case 2:
      return "The plaintext data key was overwritten with zeros; only its encrypted copy remains.";
    case 3:
      return `The encrypted data key, nonce, ciphertext and tag are stored together in ${envelope.envelopeFile}.`;
    case 4:
      return !opened ? "Asking KMS to decrypt the data key." : opened.dataKey.ok ? "KMS decrypted the data key: the same bytes as before." : `KMS refused: ${opened.dataKey.failure.code}.`;
    default:
      return !opened || !opened.dataKey.ok ? "The data cannot be decrypted without the data key." : opened.data?.ok ? "The data decrypted to the original." : "AES-GCM refused the data: its authentication failed.";
  }
}

function Explain({ children }: { children: ReactNode }) {
  return <p className="mt-1 text-slate-800 dark:text-slate-200">{children}</p>;
}

function StepBody({ step, envelope, original, opened, reduced, tamper }: { step: number; envelope: SealedEnvelope; original: string; opened: OpenResult | undefined; reduced: boolean; tamper: { part: TamperPart | "none"; index: number } }) {
  const flipped = (part: TamperPart) => (tamper.part === part ? tamper.index : undefined);
  switch (step) {
    case 0:
      return (
        <>
          <Explain>
            One <Mono>GenerateDataKey</Mono> call under <Mono>{envelope.keyArn}</Mono> returns a new 256-bit data key twice: in plaintext, for encrypting now, and encrypted under the KMS key, for keeping.
            KMS itself keeps neither.
          </Explain>
          <h4 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Plaintext data key (32 bytes)</h4>
          <ByteView base64={envelope.plaintextKey} label="Plaintext data key" />
          <h4 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Encrypted data key (CiphertextBlob, {fromBase64(envelope.encryptedKey).length} bytes)</h4>
          <ByteView base64={envelope.encryptedKey} label="Encrypted data key" segments={envelope.encryptedKeyLayout} />
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">The parts are the sandbox&apos;s own blob layout; a real KMS blob is opaque, but it too names the key and is authenticated with the encryption context.</p>
          <CodeTabs code={generateDataKeyCode(envelope.keyId, envelope.context)} />
        </>
      );
    case 1:
      return (
        <>
          <Explain>
            Your program encrypts the data itself with AES-256-GCM under the plaintext data key: a fresh 12-byte nonce, then ciphertext as long as the data, then a 16-byte tag that authenticates
            both. The {envelope.dataBytes} bytes never go to KMS, so size does not matter.
          </Explain>
          <h4 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Nonce (12 bytes)</h4>
          <ByteView base64={envelope.nonce} label="Nonce" />
          <h4 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Ciphertext ({envelope.dataBytes} bytes)</h4>
          <ByteView base64={envelope.ciphertext} label="Ciphertext" />
          <h4 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Authentication tag (16 bytes)</h4>
          <ByteView base64={envelope.tag} label="Authentication tag" />
          <CodeTabs code={encryptLocallyCode} />
        </>
      );
    case 2:
      return (
        <>
          <Explain>The plaintext data key has done its job. The program overwrites it, so no copy survives in memory, logs or storage. What is left can only be opened by someone KMS lets decrypt.</Explain>
          <ByteView base64={envelope.plaintextKey} label="Plaintext data key, overwritten" wiped />
          <p className="text-xs text-slate-600 dark:text-slate-400">{reduced ? "All 32 bytes are now zero." : "All 32 bytes are now zero (struck through)."}</p>
          <CodeTabs code={discardKeyCode} />
        </>
      );
    case 3:
      return (
        <>
          <Explain>
            The envelope is everything needed to decrypt later, except permission: the encrypted data key sits next to the ciphertext. It is saved in your sandbox as <Mono>{envelope.envelopeFile}</Mono>{" "}
            (and the encrypted key alone as <Mono>{envelope.keyFile}</Mono>).
          </Explain>
          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900">{envelope.envelopeJson}</pre>
          <CodeTabs code={storeEnvelopeCode(envelope.envelopeFile)} />
        </>
      );
    case 4:
      return (
        <>
          <Explain>
            To read the data, the program sends the encrypted data key to KMS <Mono>Decrypt</Mono> with the same encryption context. KMS finds the key from the blob, checks the key policy and the
            context, and returns the plaintext data key.
          </Explain>
          {!opened ? (
            <p role="status">Asking KMS…</p>
          ) : opened.dataKey.ok ? (
            <>
              <p>
                <Badge tone="green">Decrypted</Badge> {opened.dataKey.plaintextKey === envelope.plaintextKey ? "The same 32 bytes GenerateDataKey returned:" : "A different key came back:"}
              </p>
              <ByteView base64={opened.dataKey.plaintextKey} label="Data key from Decrypt" />
            </>
          ) : (
            <FailureBox title={`KMS refused: ${opened.dataKey.failure.code}`} message={opened.dataKey.failure.message} why={opened.dataKey.why}>
              {tamper.part === "encrypted-key" ? <ByteView base64={envelope.encryptedKey} label="Encrypted data key (the flipped byte marked)" segments={envelope.encryptedKeyLayout} flippedAt={flipped("encrypted-key")} /> : null}
            </FailureBox>
          )}
          <CodeTabs code={decryptDataKeyCode(envelope.keyFile, envelope.context)} />
        </>
      );
    default:
      return (
        <>
          <Explain>With the data key back, the program decrypts locally. AES-GCM checks the tag first and returns nothing if any byte of the nonce, the ciphertext or the tag changed.</Explain>
          {!opened ? (
            <p role="status">Waiting for the data key…</p>
          ) : !opened.dataKey.ok ? (
            <FailureBox title="Nothing to decrypt with" message="KMS did not return the data key." why="Without the data key the ciphertext stays unreadable: that is the point of envelope encryption." />
          ) : opened.data?.ok ? (
            <>
              <p>
                <Badge tone="green">Decrypted</Badge> {opened.data.plaintext === original ? "The original data, byte for byte:" : "Data came back, but it differs:"}
              </p>
              <PlaintextView base64={opened.data.plaintext} />
            </>
          ) : (
            <FailureBox title="AES-GCM refused the data" message="The authentication tag does not match." why={opened.data?.ok === false ? opened.data.why : ""} />
          )}
          <CodeTabs code={decryptLocallyCode} />
        </>
      );
  }
}

function PlaintextView({ base64 }: { base64: string }) {
  const bytes = fromBase64(base64);
  const text = textOf(bytes);
  return text !== undefined ? (
    <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-words rounded bg-emerald-50 p-2 font-mono text-xs text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50">{text.slice(0, 4000)}</pre>
  ) : (
    <ByteView base64={base64} label="Decrypted bytes" />
  );
}

function FailureBox({ title, message, why, children }: { title: string; message: string; why: string; children?: ReactNode }) {
  return (
    <div role="alert" className="mt-1 rounded border border-rose-300 bg-rose-50 p-2 text-rose-950 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-50">
      <p className="font-semibold">{title}</p>
      {message ? <p className="font-mono text-xs">{message}</p> : null}
      <p className="mt-1">{why}</p>
      {children}
    </div>
  );
}
