import type { ServiceId } from "@/lib/sandbox";

/**
 * Request quotas: AWS throttles each account's requests per second in each
 * Region, per operation or per pool of operations, and answers
 * ThrottlingException past the quota (the SDKs and the CLI then back off and
 * retry). The endpoint applies them when it is asked to (`--request-quotas
 * aws`), on the wall clock: it is the front door, as AWS's is, and the
 * engine's simulated clock does not move between requests.
 *
 * Each pool is a token bucket that holds one second of requests and refills
 * continuously, so a burst up to the quota passes and a steady rate above it
 * is throttled. AWS does not publish how it smooths its quotas; a one-second
 * bucket is the simplest reading of "requests per second".
 *
 * NOTE: only the pools below, the ones the chapter teaches or that real
 * clients hit first, are simulated; other operations are never throttled.
 * NOTE: the KMS pool counts every cryptographic request, whatever its key's
 * type; AWS counts asymmetric keys' requests in pools of their own.
 * NOTE: the KMS figure is the default of most Regions; the larger Regions
 * have higher defaults, which the sandbox does not distinguish.
 * NOTE: a throttled request never reaches the engine, so the sandbox's trail
 * has no event for it; whether CloudTrail records a throttled call varies by
 * service and is not simulated.
 */

export interface QuotaPool {
  /** The name `--request-quotas` overrides it by. */
  name: string;
  service: ServiceId;
  operations: readonly string[];
  /** Requests per second, the default AWS documents. */
  perSecond: number;
  /** Parameter Store's pools depend on the account's throughput setting; others apply always. */
  throughput?: "standard" | "higher";
  source: string;
}

const KMS_QUOTAS = "https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html";
const SSM_QUOTAS = "https://docs.aws.amazon.com/general/latest/gr/ssm.html (Parameter Store, max throughput)";
const SM_QUOTAS = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html";
const SM_2025 = "https://aws.amazon.com/about-aws/whats-new/2025/03/aws-secrets-manager-increases-api-requests-seconds/";

export const AWS_DEFAULT_QUOTAS: readonly QuotaPool[] = [
  {
    name: "kms-symmetric-cryptographic",
    service: "kms",
    operations: ["Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GenerateRandom", "ReEncrypt", "VerifyMac"],
    perSecond: 10_000,
    source: KMS_QUOTAS,
  },
  // Standard throughput: one pool of 40 for the three reads. Higher throughput splits them.
  { name: "parameter-store-reads", service: "ssm", operations: ["GetParameter", "GetParameters", "GetParametersByPath"], perSecond: 40, throughput: "standard", source: SSM_QUOTAS },
  { name: "parameter-store-reads-higher", service: "ssm", operations: ["GetParameter", "GetParameters"], perSecond: 10_000, throughput: "higher", source: SSM_QUOTAS },
  { name: "parameter-store-path-reads-higher", service: "ssm", operations: ["GetParametersByPath"], perSecond: 100, throughput: "higher", source: SSM_QUOTAS },
  { name: "secretsmanager-get-secret-value", service: "secretsmanager", operations: ["GetSecretValue"], perSecond: 10_000, source: SM_2025 },
  { name: "secretsmanager-describe-secret", service: "secretsmanager", operations: ["DescribeSecret"], perSecond: 40_000, source: SM_2025 },
  { name: "secretsmanager-list-secrets", service: "secretsmanager", operations: ["ListSecrets"], perSecond: 100, source: SM_QUOTAS },
  { name: "secretsmanager-batch-get-secret-value", service: "secretsmanager", operations: ["BatchGetSecretValue"], perSecond: 100, source: SM_QUOTAS },
  {
    name: "secretsmanager-updates",
    service: "secretsmanager",
    operations: ["PutSecretValue", "RemoveRegionsFromReplication", "ReplicateSecretToRegions", "StopReplicationToReplica", "UpdateSecret", "UpdateSecretVersionStage"],
    perSecond: 50,
    source: SM_QUOTAS,
  },
  { name: "secretsmanager-rotation", service: "secretsmanager", operations: ["RotateSecret", "CancelRotateSecret"], perSecond: 50, source: SM_QUOTAS },
  { name: "secretsmanager-restore", service: "secretsmanager", operations: ["RestoreSecret"], perSecond: 50, source: SM_QUOTAS },
  { name: "secretsmanager-tags", service: "secretsmanager", operations: ["TagResource", "UntagResource"], perSecond: 50, source: SM_QUOTAS },
  {
    name: "secretsmanager-resource-policies",
    service: "secretsmanager",
    operations: ["DeleteResourcePolicy", "GetResourcePolicy", "PutResourcePolicy", "ValidateResourcePolicy"],
    perSecond: 50,
    source: SM_QUOTAS,
  },
];

export class QuotaSpecError extends Error {}

/**
 * `--request-quotas`: `aws` (AWS's defaults), optionally followed by
 * `,POOL=RATE` overrides (`aws,parameter-store-reads=5`), which a class can
 * use to see throttling without a load generator. RATE is requests per
 * second and may be a fraction (0.25 is one request every 4 seconds).
 */
export function parseQuotaSpec(spec: string): QuotaPool[] {
  const [base, ...overrides] = spec.split(",").map((part) => part.trim());
  if (base !== "aws") throw new QuotaSpecError(`--request-quotas must start with "aws" (AWS's default quotas), then any POOL=RATE overrides: got "${spec}"`);
  const pools = AWS_DEFAULT_QUOTAS.map((pool) => ({ ...pool }));
  for (const override of overrides) {
    const match = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)$/.exec(override);
    if (!match) throw new QuotaSpecError(`not POOL=RATE: "${override}"`);
    const [, name = "", rate = ""] = match;
    const pool = pools.find((candidate) => candidate.name === name);
    if (!pool) throw new QuotaSpecError(`no quota pool "${name}"; the pools are: ${pools.map((candidate) => candidate.name).join(", ")}`);
    const perSecond = Number(rate);
    if (!(perSecond > 0)) throw new QuotaSpecError(`the rate of ${name} must be above 0: "${rate}"`);
    pool.perSecond = perSecond;
  }
  return pools;
}

export interface QuotaRequest {
  service: ServiceId;
  operation: string;
  accountId: string;
  region: string;
  /** The account's Parameter Store throughput setting in that Region. */
  higherThroughput: boolean;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RequestQuotas {
  private readonly buckets = new Map<string, Bucket>();

  /** `now` in milliseconds; a monotonic clock by default. */
  constructor(
    readonly pools: readonly QuotaPool[],
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request from the pool that governs it; the pool when there was none left (the request is throttled). */
  admit(request: QuotaRequest): QuotaPool | undefined {
    const pool = this.pools.find(
      (candidate) =>
        candidate.service === request.service &&
        candidate.operations.includes(request.operation) &&
        (candidate.throughput === undefined || (candidate.throughput === "higher") === request.higherThroughput),
    );
    if (!pool) return undefined;
    const key = `${pool.name}\n${request.accountId}\n${request.region}`;
    const now = this.now();
    // A bucket holds one second of requests, and at least one so that fractional rates admit any.
    const capacity = Math.max(1, pool.perSecond);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * pool.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return pool;
    bucket.tokens -= 1;
    return undefined;
  }
}

/** What each service answers past its quota (HTTP 400; the SDKs and the CLI retry ThrottlingException). */
export function throttlingMessage(service: ServiceId): string {
  // KMS's own words (its developer guide's throttling page); Parameter Store and Secrets Manager say "Rate exceeded".
  return service === "kms" ? "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls." : "Rate exceeded";
}
