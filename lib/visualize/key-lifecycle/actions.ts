/**
 * What the Key lifecycle pane lets a learner do to a key: the real commands,
 * typed into the terminal so the learner sees (and can reuse) them, grouped
 * by what they change. Pure: the page imports it.
 */
export interface KeyAction {
  label: string;
  command: string;
}

export interface KeyActionGroup {
  title: string;
  actions: KeyAction[];
}

export function keyActions(keyId: string): KeyActionGroup[] {
  return [
    {
      title: "Change its state",
      actions: [
        { label: "Disable", command: `aws kms disable-key --key-id ${keyId}` },
        { label: "Enable", command: `aws kms enable-key --key-id ${keyId}` },
        { label: "Schedule deletion in 7 days", command: `aws kms schedule-key-deletion --key-id ${keyId} --pending-window-in-days 7` },
        { label: "Cancel deletion", command: `aws kms cancel-key-deletion --key-id ${keyId}` },
      ],
    },
    {
      title: "Rotate its key material",
      actions: [
        { label: "Rotate every 90 days", command: `aws kms enable-key-rotation --key-id ${keyId} --rotation-period-in-days 90` },
        { label: "Rotate now (on demand)", command: `aws kms rotate-key-on-demand --key-id ${keyId}` },
      ],
    },
    {
      title: "Move the simulated clock",
      actions: [
        { label: "+8 days", command: "clock advance 8d" },
        { label: "+30 days", command: "clock advance 30d" },
        { label: "+91 days", command: "clock advance 91d" },
      ],
    },
  ];
}

/** Decrypts one kept sample (a path under the home directory) as a learner would: KMS finds the key in the ciphertext. */
export function decryptSampleCommand(file: string): string {
  return `aws kms decrypt --ciphertext-blob fileb://~/${file} --query Plaintext --output text | base64 --decode`;
}
