/**
 * The sandbox's own words for `aws help`: what each simulated command does
 * (one line), an example, and how each service differs from AWS here (from
 * lib/sandbox/README.md "Simplifications", said briefly for learners).
 */

export interface CommandText {
  /** One line: what the command does. */
  summary: string;
  /** A command line that works in the chapter-27 scenario or a fresh sandbox. */
  example: string;
  /** How the sandbox differs from AWS for this command, or a tip for using it. */
  note?: string;
  /** The note says what of the operation the sandbox leaves out (the operation is partly simulated). */
  partial?: true;
}

export interface ServiceText {
  title: string;
  summary: string;
  simplifications: string[];
  commands: Record<string, CommandText>;
  /** Why operations the sandbox leaves out are left out (by operation name; "*" for the rest). */
  notSimulated: Record<string, string>;
}

const KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";

export const SERVICE_TEXTS: Record<string, ServiceText> = {
  kms: {
    title: "AWS Key Management Service (KMS)",
    summary: "Creates and manages encryption keys, and encrypts, decrypts, signs and verifies with them. Keys never leave KMS: you send data to the key.",
    simplifications: [
      "Key types: symmetric encryption keys, signing keys (RSA and ECC) and HMAC keys. RSA/SM2 encryption keys, key agreement keys, multi-Region keys, custom key stores and imported key material are not simulated.",
      "Grants act at once (AWS's are eventually consistent, so grant tokens are accepted and not needed); they allow what policies do not, never what an explicit deny refuses.",
      "Ciphertext blobs have the sandbox's own layout; they decrypt only in this sandbox.",
      "Key rotation happens at once: rotate-key-on-demand never reports a rotation in progress.",
      "AWS managed keys exist only for aws/ssm and aws/secretsmanager, created the first time they are used.",
      "Key policies are checked for grammar and the lockout rule; principals that do not exist are accepted.",
    ],
    commands: {
      CancelKeyDeletion: { summary: "Cancels a scheduled key deletion; the key comes back disabled.", example: `aws kms cancel-key-deletion --key-id ${KEY}` },
      CreateAlias: { summary: "Gives a key a friendly name (alias/...) that other commands accept instead of the key ID.", example: `aws kms create-alias --alias-name alias/my-key --target-key-id ${KEY}` },
      CreateGrant: {
        summary: "Gives a principal permission to use a key for some operations, outside the key policy, optionally only with a given encryption context.",
        example: `aws kms create-grant --key-id ${KEY} --grantee-principal arn:aws:iam::123456789012:role/ec2-app-role --operations Decrypt GenerateDataKey`,
      },
      ListGrants: { summary: "Lists a key's grants: grantee, operations, constraints.", example: `aws kms list-grants --key-id ${KEY}` },
      ListRetirableGrants: { summary: "Lists the grants a principal may retire.", example: "aws kms list-retirable-grants --retiring-principal arn:aws:iam::123456789012:role/ec2-app-role" },
      RetireGrant: { summary: "Deletes a grant, as its retiring principal or grantee (or the account that issued it), by token or by key and grant id.", example: "aws kms retire-grant --grant-token TOKEN" },
      RevokeGrant: { summary: "Deletes a grant, as someone the key policy allows kms:RevokeGrant.", example: `aws kms revoke-grant --key-id ${KEY} --grant-id GRANT_ID` },
      CreateKey: { partial: true, summary: "Creates a KMS key (by default a symmetric encryption key) and prints its metadata.", example: 'aws kms create-key --description "My demo key"', note: "Unsupported key specs answer UnsupportedOperationException." },
      Decrypt: { summary: "Decrypts a ciphertext blob made by encrypt; the key is found from the blob.", example: "aws kms decrypt --ciphertext-blob fileb://encrypted.txt --query Plaintext --output text" },
      DeleteAlias: { summary: "Deletes an alias (the key stays).", example: "aws kms delete-alias --alias-name alias/my-key" },
      DescribeKey: { summary: "Shows a key's metadata: state, usage, spec, creation date.", example: `aws kms describe-key --key-id ${KEY}` },
      DisableKey: { summary: "Disables a key so it cannot be used until enabled again.", example: `aws kms disable-key --key-id ${KEY}` },
      DisableKeyRotation: { summary: "Turns off automatic yearly rotation of the key material.", example: `aws kms disable-key-rotation --key-id ${KEY}` },
      EnableKey: { summary: "Enables a disabled key.", example: `aws kms enable-key --key-id ${KEY}` },
      EnableKeyRotation: { summary: "Turns on automatic rotation of the key material (every 365 days unless --rotation-period-in-days says otherwise).", example: `aws kms enable-key-rotation --key-id ${KEY}` },
      Encrypt: {
        summary: "Encrypts up to 4 KB of data directly under a key and prints the ciphertext blob (base64).",
        example: `aws kms encrypt --key-id ${KEY} --plaintext fileb://plaintext.txt --query CiphertextBlob --output text`,
        note: "As in CLI v2, a literal --plaintext must already be base64; use fileb:// for a file's bytes.",
      },
      GenerateDataKey: { summary: "Returns a new data key twice: in plaintext and encrypted under the KMS key (envelope encryption).", example: `aws kms generate-data-key --key-id ${KEY} --key-spec AES_256` },
      GenerateDataKeyPair: { partial: true,
        summary: "Returns a new asymmetric key pair: the private key in plaintext (PKCS #8 DER) and encrypted under the KMS key, and the public key.",
        example: `aws kms generate-data-key-pair --key-id ${KEY} --key-pair-spec ECC_NIST_P256`,
        note: "SM2 and ECC_NIST_EDWARDS25519 pairs are not simulated.",
      },
      GenerateDataKeyPairWithoutPlaintext: {
        summary: "Returns a new asymmetric key pair with the private key only encrypted under the KMS key (decrypt it when you need to sign).",
        example: `aws kms generate-data-key-pair-without-plaintext --key-id ${KEY} --key-pair-spec RSA_2048`,
      },
      GenerateDataKeyWithoutPlaintext: { summary: "Returns a new data key encrypted under the KMS key only.", example: `aws kms generate-data-key-without-plaintext --key-id ${KEY} --key-spec AES_256` },
      GenerateMac: { summary: "Computes an HMAC of a message with an HMAC key.", example: "aws kms generate-mac --key-id alias/my-hmac --message aGVsbG8= --mac-algorithm HMAC_SHA_256" },
      GenerateRandom: { summary: "Returns random bytes (base64).", example: "aws kms generate-random --number-of-bytes 32" },
      GetKeyPolicy: { summary: "Prints a key's key policy (the only policy name is default).", example: `aws kms get-key-policy --key-id ${KEY} --policy-name default --output text` },
      GetKeyRotationStatus: { summary: "Says whether automatic rotation is on, its period and the next rotation date.", example: `aws kms get-key-rotation-status --key-id ${KEY}` },
      GetParametersForImport: {
        summary: "Returns a public wrapping key and an import token (valid 24 hours) for importing key material into a key created with --origin EXTERNAL.",
        example: `aws kms get-parameters-for-import --key-id ${KEY} --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048`,
        note: "Encrypt the material with the public key (openssl pkeyutl), then pass it and the token to import-key-material.",
      },
      ImportKeyMaterial: { partial: true,
        summary: "Imports 256 bits of key material, encrypted with the wrapping key, into a key awaiting material; the key becomes Enabled.",
        example: `aws kms import-key-material --key-id ${KEY} --encrypted-key-material fileb://EncryptedKeyMaterial.bin --import-token fileb://ImportToken.bin --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE`,
        note: "The sandbox imports into symmetric encryption keys only.",
      },
      DeleteImportedKeyMaterial: {
        summary: "Deletes imported key material at once: the key is PendingImport and its ciphertexts cannot be decrypted until the same material is imported again.",
        example: `aws kms delete-imported-key-material --key-id ${KEY}`,
      },
      GetPublicKey: { summary: "Prints the public key of an asymmetric key (DER, base64).", example: "aws kms get-public-key --key-id alias/my-signing-key" },
      ListAliases: { summary: "Lists aliases, or the aliases of one key.", example: `aws kms list-aliases --key-id ${KEY}` },
      ListKeyPolicies: { summary: "Lists a key's policy names (always default).", example: `aws kms list-key-policies --key-id ${KEY}` },
      ListKeyRotations: { summary: "Lists the completed rotations of a key's material (--include-key-material ALL_KEY_MATERIAL adds the first and any pending material).", example: `aws kms list-key-rotations --key-id ${KEY}` },
      ListKeys: { summary: "Lists the KMS keys of the account and Region.", example: "aws kms list-keys" },
      ListResourceTags: { summary: "Lists a key's tags.", example: `aws kms list-resource-tags --key-id ${KEY}` },
      PutKeyPolicy: { summary: "Replaces a key's key policy.", example: `aws kms put-key-policy --key-id ${KEY} --policy-name default --policy file://policy.json` },
      ReEncrypt: { summary: "Decrypts a ciphertext and encrypts it again under another key, without showing the plaintext.", example: "aws kms re-encrypt --ciphertext-blob fileb://encrypted.txt --destination-key-id alias/my-key" },
      ReplicateKey: { partial: true,
        summary: "Copies a multi-Region primary key (created with --multi-region) to another Region: same key id and key material, its own policy, description and tags.",
        example: "aws kms replicate-key --key-id mrk-1234abcd12ab34cd56ef1234567890ab --replica-region us-west-2",
        note: "The replica is ready at once in the sandbox; AWS shows Creating for a while.",
      },
      UpdatePrimaryRegion: {
        summary: "Makes a replica the primary key of a multi-Region key; the old primary becomes a replica.",
        example: "aws kms update-primary-region --key-id mrk-1234abcd12ab34cd56ef1234567890ab --primary-region us-west-2",
      },
      RotateKeyOnDemand: { summary: "Rotates the key material now (a key with imported material rotates to material imported with --import-type NEW_KEY_MATERIAL).", example: `aws kms rotate-key-on-demand --key-id ${KEY}` },
      ScheduleKeyDeletion: { summary: "Schedules the key's deletion after a waiting period of 7-30 days (default 30).", example: `aws kms schedule-key-deletion --key-id ${KEY} --pending-window-in-days 7` },
      Sign: { summary: "Signs a message or digest with an asymmetric signing key.", example: "aws kms sign --key-id alias/my-signing-key --message fileb://message.txt --signing-algorithm ECDSA_SHA_256" },
      TagResource: { summary: "Adds or changes tags on a key (TagKey/TagValue pairs).", example: `aws kms tag-resource --key-id ${KEY} --tags TagKey=team,TagValue=security` },
      UntagResource: { summary: "Removes tags from a key.", example: `aws kms untag-resource --key-id ${KEY} --tag-keys team` },
      UpdateAlias: { summary: "Points an existing alias at another key.", example: `aws kms update-alias --alias-name alias/my-key --target-key-id ${KEY}` },
      UpdateKeyDescription: { summary: "Changes a key's description.", example: `aws kms update-key-description --key-id ${KEY} --description "New text"` },
      Verify: { summary: "Checks a signature made by sign; a bad signature fails with KMSInvalidSignatureException.", example: "aws kms verify --key-id alias/my-signing-key --message fileb://message.txt --signature fileb://signature.bin --signing-algorithm ECDSA_SHA_256" },
      VerifyMac: { summary: "Checks an HMAC made by generate-mac.", example: "aws kms verify-mac --key-id alias/my-hmac --message aGVsbG8= --mac-algorithm HMAC_SHA_256 --mac fileb://mac.bin" },
    },
    notSimulated: {
      ConnectCustomKeyStore: "Custom key stores (CloudHSM, external) are not simulated.",
      CreateCustomKeyStore: "Custom key stores (CloudHSM, external) are not simulated.",
      DeleteCustomKeyStore: "Custom key stores (CloudHSM, external) are not simulated.",
      DescribeCustomKeyStores: "Custom key stores (CloudHSM, external) are not simulated.",
      DisconnectCustomKeyStore: "Custom key stores (CloudHSM, external) are not simulated.",
      UpdateCustomKeyStore: "Custom key stores (CloudHSM, external) are not simulated.",
      DeriveSharedSecret: "Key agreement keys are not simulated.",
      "*": "Not simulated in the sandbox.",
    },
  },
  secretsmanager: {
    title: "AWS Secrets Manager",
    summary: "Stores secrets (passwords, API keys) encrypted with KMS, keeps their versions with staging labels (AWSCURRENT, AWSPREVIOUS, AWSPENDING) and rotates them with a Lambda function.",
    simplifications: [
      "Rotation runs inside the rotate-secret call (AWS runs it in the background); the rotation functions are simulated MySQL rotation templates, not your own code.",
      "Scheduled rotation happens at the start of the rotation window.",
      "Replication to other Regions is not simulated: requested replicas are reported as Failed.",
      "A secret scheduled for deletion is deleted for good when the simulated clock passes its deletion date (try 'clock advance 8d').",
      "Resource policies are checked for grammar; principals that do not exist are accepted.",
    ],
    commands: {
      BatchGetSecretValue: { summary: "Gets the values of several secrets at once (by ID list or filters).", example: "aws secretsmanager batch-get-secret-value --secret-id-list MyTestSecret other-secret" },
      CancelRotateSecret: { summary: "Turns off automatic rotation of a secret.", example: "aws secretsmanager cancel-rotate-secret --secret-id MyTestSecret" },
      CreateSecret: { summary: "Creates a secret with its first value (labelled AWSCURRENT).", example: 'aws secretsmanager create-secret --name MyTestSecret --secret-string \'{"user":"admin","password":"EXAMPLE-PASSWORD"}\'' },
      DeleteResourcePolicy: { summary: "Removes a secret's resource policy.", example: "aws secretsmanager delete-resource-policy --secret-id MyTestSecret" },
      DeleteSecret: { summary: "Schedules a secret's deletion after a recovery window of 7-30 days (default 30).", example: "aws secretsmanager delete-secret --secret-id MyTestSecret --recovery-window-in-days 7" },
      DescribeSecret: { summary: "Shows a secret's details (rotation, versions and labels, dates) without its value.", example: "aws secretsmanager describe-secret --secret-id MyTestSecret" },
      GetRandomPassword: { summary: "Generates a random password.", example: "aws secretsmanager get-random-password --password-length 20 --exclude-punctuation" },
      GetResourcePolicy: { summary: "Prints a secret's resource policy.", example: "aws secretsmanager get-resource-policy --secret-id MyTestSecret" },
      GetSecretValue: { summary: "Gets a secret's value (the AWSCURRENT version unless you name another).", example: "aws secretsmanager get-secret-value --secret-id MyTestSecret" },
      ListSecretVersionIds: { summary: "Lists a secret's versions and their staging labels.", example: "aws secretsmanager list-secret-version-ids --secret-id MyTestSecret" },
      ListSecrets: { summary: "Lists the secrets of the account and Region (without values).", example: "aws secretsmanager list-secrets" },
      PutResourcePolicy: { summary: "Attaches a resource policy to a secret.", example: "aws secretsmanager put-resource-policy --secret-id MyTestSecret --resource-policy file://policy.json" },
      PutSecretValue: { summary: "Stores a new value as a new version; AWSCURRENT moves to it and AWSPREVIOUS to the old one.", example: 'aws secretsmanager put-secret-value --secret-id MyTestSecret --secret-string \'{"password":"NEW-PASSWORD"}\'' },
      ReplicateSecretToRegions: { partial: true, summary: "Asks to replicate a secret to other Regions.", example: "aws secretsmanager replicate-secret-to-regions --secret-id MyTestSecret --add-replica-regions Region=eu-west-1", note: "Replication is not simulated: each replica is reported as Failed." },
      RestoreSecret: { summary: "Cancels a secret's scheduled deletion.", example: "aws secretsmanager restore-secret --secret-id MyTestSecret" },
      RotateSecret: { summary: "Configures rotation and rotates the secret now with its Lambda function.", example: "aws secretsmanager rotate-secret --secret-id MyTestSecret --rotation-lambda-arn arn:aws:lambda:us-east-1:123456789012:function:MyRotationFunction --rotation-rules AutomaticallyAfterDays=30" },
      TagResource: { summary: "Adds tags to a secret (Key/Value pairs).", example: "aws secretsmanager tag-resource --secret-id MyTestSecret --tags Key=team,Value=security" },
      UntagResource: { summary: "Removes tags from a secret.", example: "aws secretsmanager untag-resource --secret-id MyTestSecret --tag-keys team" },
      UpdateSecret: { summary: "Changes a secret's description or KMS key, or stores a new value.", example: 'aws secretsmanager update-secret --secret-id MyTestSecret --description "Database password"' },
      UpdateSecretVersionStage: { summary: "Moves a staging label (such as AWSCURRENT) from one version to another.", example: "aws secretsmanager update-secret-version-stage --secret-id MyTestSecret --version-stage AWSCURRENT --move-to-version-id <new-id> --remove-from-version-id <old-id>" },
      ValidateResourcePolicy: { partial: true, summary: "Checks a resource policy's syntax and whether it gives broad access to a secret, without attaching it.", example: "aws secretsmanager validate-resource-policy --resource-policy file://policy.json", note: "Broad access means an Allow statement for every principal (\"*\") without a Condition; AWS's automated reasoning finds more." },
    },
    notSimulated: {
      RemoveRegionsFromReplication: "Replication to other Regions is not simulated.",
      StopReplicationToReplica: "Replication to other Regions is not simulated.",
      "*": "Not simulated in the sandbox.",
    },
  },
  ssm: {
    title: "AWS Systems Manager (Parameter Store)",
    summary: "Parameter Store keeps configuration values and secrets (SecureString, encrypted with KMS) in a hierarchy of names such as /app/db/password. Only Parameter Store is simulated, not the rest of Systems Manager.",
    simplifications: [
      "Only Parameter Store and its service settings are simulated; commands, documents, sessions, patching and inventory are not.",
      "Without --tier a parameter is Standard (the account's default-tier setting is not simulated).",
      "Expiration policies delete the parameter when the simulated clock passes; notification policies are stored but send no events.",
      "Public parameters under /aws/ and parameters shared from other accounts do not exist here.",
      "Listings are in name order; NextToken values are the sandbox's own.",
    ],
    commands: {
      AddTagsToResource: { partial: true, summary: "Adds tags to a parameter.", example: "aws ssm add-tags-to-resource --resource-type Parameter --resource-id /app/db/password --tags Key=team,Value=security", note: "Only the Parameter resource type is simulated." },
      DeleteParameter: { summary: "Deletes a parameter.", example: "aws ssm delete-parameter --name /app/db/password" },
      DeleteParameters: { summary: "Deletes up to 10 parameters; unknown names are listed as invalid.", example: "aws ssm delete-parameters --names /app/a /app/b" },
      DescribeParameters: { summary: "Lists parameters' metadata (not their values), with filters.", example: "aws ssm describe-parameters --parameter-filters Key=Name,Option=BeginsWith,Values=/app/" },
      GetParameter: { summary: "Gets one parameter; SecureString values are decrypted with --with-decryption.", example: "aws ssm get-parameter --name /app/db/password --with-decryption" },
      GetParameterHistory: { summary: "Lists every version of a parameter, oldest first.", example: "aws ssm get-parameter-history --name /app/db/password" },
      GetParameters: { summary: "Gets up to 10 parameters; unknown names are listed as invalid.", example: "aws ssm get-parameters --names /app/db/password /app/db/user --with-decryption" },
      GetParametersByPath: { summary: "Gets the parameters under a path (one level, or all with --recursive).", example: "aws ssm get-parameters-by-path --path /app --recursive --with-decryption" },
      GetServiceSetting: { summary: "Shows a Parameter Store service setting (such as the default tier).", example: "aws ssm get-service-setting --setting-id /ssm/parameter-store/default-parameter-tier" },
      LabelParameterVersion: { summary: "Attaches labels to a version of a parameter (the latest by default).", example: "aws ssm label-parameter-version --name /app/db/password --labels prod" },
      ListTagsForResource: { summary: "Lists a parameter's tags.", example: "aws ssm list-tags-for-resource --resource-type Parameter --resource-id /app/db/password" },
      PutParameter: {
        summary: "Creates a parameter, or a new version of it with --overwrite.",
        example: "aws ssm put-parameter --name /app/db/password --value EXAMPLE-PASSWORD --type SecureString",
        note: "SecureString values are encrypted with a real KMS call (alias/aws/ssm unless --key-id).",
      },
      RemoveTagsFromResource: { summary: "Removes tags from a parameter.", example: "aws ssm remove-tags-from-resource --resource-type Parameter --resource-id /app/db/password --tag-keys team" },
      ResetServiceSetting: { summary: "Resets a Parameter Store service setting to its default.", example: "aws ssm reset-service-setting --setting-id /ssm/parameter-store/default-parameter-tier" },
      UnlabelParameterVersion: { summary: "Removes labels from a version of a parameter.", example: "aws ssm unlabel-parameter-version --name /app/db/password --parameter-version 1 --labels prod" },
      UpdateServiceSetting: { partial: true, summary: "Changes a Parameter Store service setting.", example: "aws ssm update-service-setting --setting-id /ssm/parameter-store/default-parameter-tier --setting-value Advanced", note: "The setting is stored; the sandbox's default tier stays Standard." },
    },
    notSimulated: {
      "*": "Only Parameter Store is simulated, not this part of Systems Manager.",
    },
  },
  sts: {
    title: "AWS Security Token Service (STS)",
    summary: "Issues temporary credentials. The sandbox simulates get-caller-identity (who am I?) and assume-role (act as a role).",
    simplifications: [
      "assume-role's credentials act as the role while AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN hold them; requests are not signed, so the secret key is compared as given.",
      "Session policies, tags, MFA, external ids and source identity are not simulated; every role allows sessions of up to one hour.",
    ],
    commands: {
      GetCallerIdentity: { summary: "Shows the account, user ID and ARN of the identity your commands run as.", example: "aws sts get-caller-identity" },
      AssumeRole: { partial: true,
        summary: "Returns temporary credentials to act as an IAM role, if its trust policy lets you in (export them to use them).",
        example: "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/app-role --role-session-name demo",
        note: "Session policies, tags, MFA and external ids are ignored; sessions last at most an hour. The example needs the parameter-access scenario, whose roles trust the account; chapter-27's roles trust only AWS services, so assuming them is denied.",
      },
    },
    notSimulated: {
      "*": "Only get-caller-identity and assume-role are simulated in STS.",
    },
  },
  ec2: {
    title: "Amazon Elastic Compute Cloud (EC2)",
    summary: "Runs virtual machines. The sandbox simulates what the chapter needs: launching an instance with an instance profile and user data, and reading what the user data printed.",
    simplifications: [
      "Booting takes no time: run-instances answers pending, as EC2 does, and the instance is running when the command returns. Stop and start are not simulated.",
      "The user data runs once at boot if it is a shell script (#!), as root, with the instance profile's role; its output is the console output. The credentials reach it in AWS_ACCESS_KEY_ID and friends (on EC2 the CLI gets them from the instance metadata service).",
      "Images: one Amazon Linux 2023 image per architecture, with ids of the sandbox's own (they say 'sandbox').",
      "No networking, disks, key pairs, security groups or prices: every instance is in the Region's default VPC.",
    ],
    commands: {
      RunInstances: {
        summary: "Launches instances from an image, with an instance profile (the role its programs act as) and user data (a script run at first boot).",
        example: "aws ec2 run-instances --image-id ami-0b17fa08f67c011ae --instance-type t3.micro --iam-instance-profile Name=orders-web --user-data file://user-data.sh",
        note: "The example's image is us-east-1's x86_64 image; describe-images lists the images of your Region.",
      },
      DescribeInstances: { summary: "Lists instances (terminated ones for an hour), with filters such as tag:Name or instance-state-name.", example: "aws ec2 describe-instances --filters Name=instance-state-name,Values=running" },
      TerminateInstances: { summary: "Terminates instances: they show as terminated for about an hour.", example: "aws ec2 terminate-instances --instance-ids i-0123456789abcdef0" },
      GetConsoleOutput: { summary: "Shows what an instance printed at boot, including its user data's output (the CLI decodes it for you).", example: "aws ec2 get-console-output --instance-id i-0123456789abcdef0 --output text" },
      DescribeInstanceAttribute: { summary: "Shows one attribute of an instance, such as its user data (base64): anyone with this permission can read it.", example: "aws ec2 describe-instance-attribute --instance-id i-0123456789abcdef0 --attribute userData" },
      DescribeImages: { summary: "Lists the images instances can be launched from.", example: "aws ec2 describe-images --owners amazon --filters Name=name,Values='al2023-ami-*'" },
    },
    notSimulated: {
      "*": "Only launching instances with user data and instance profiles is simulated in EC2.",
    },
  },
  lambda: {
    title: "AWS Lambda",
    summary: "Runs functions. The sandbox runs your shell functions (OS-only runtime) as their execution role, beside the rotation functions Secrets Manager uses.",
    simplifications: [
      "A function's code runs if it is a shell handler on provided.al2023 or provided.al2: handler function.handler names function.sh in the zip and the shell function handler in it, which gets the event as $1 and prints its response. The sandbox plays the bootstrap's part (the Runtime API loop).",
      "Other runtimes are accepted but their code cannot run: invoking them answers an error that says so.",
      "Functions run as a session of their execution role named after the function; the credentials are in the environment, as on Lambda.",
      "Versions, aliases, layers, resource policies, event sources and CloudWatch Logs are not simulated; --log-type Tail shows an invocation's log. A function gets at most 3 s of CPU time.",
    ],
    commands: {
      CreateFunction: { partial: true,
        summary: "Deploys a function from a zip file, with its runtime, handler, execution role and environment variables.",
        example: "aws lambda create-function --function-name orders-api --runtime provided.al2023 --handler function.handler --role arn:aws:iam::123456789012:role/orders-api --zip-file fileb://function.zip",
        note: "Only zip files (no S3, no container images), of up to 256 KB.",
      },
      GetFunction: { summary: "Shows a function's configuration and tags.", example: "aws lambda get-function --function-name orders-api" },
      GetFunctionConfiguration: { summary: "Shows a function's configuration: runtime, role, handler, environment variables.", example: "aws lambda get-function-configuration --function-name orders-api" },
      ListFunctions: { summary: "Lists the functions of the account and Region.", example: "aws lambda list-functions" },
      UpdateFunctionConfiguration: { summary: "Changes a function's role, handler, timeout or environment (the new variables replace all the old ones).", example: "aws lambda update-function-configuration --function-name orders-api --environment Variables={SECRET_ID=prod/orders/db}" },
      UpdateFunctionCode: { summary: "Replaces a function's code with a new zip.", example: "aws lambda update-function-code --function-name orders-api --zip-file fileb://function.zip" },
      DeleteFunction: { summary: "Deletes a function.", example: "aws lambda delete-function --function-name orders-api" },
      Invoke: { partial: true,
        summary: "Runs a function with an event and writes its response to a file.",
        example: "aws lambda invoke --function-name orders-api --cli-binary-format raw-in-base64-out --payload '{}' response.json",
        note: "As in CLI v2, --payload must be base64 unless you pass --cli-binary-format raw-in-base64-out. Event invocations run at once.",
      },
    },
    notSimulated: {
      "*": "Only deploying, configuring and invoking functions is simulated in Lambda.",
    },
  },
  cloudformation: {
    title: "AWS CloudFormation",
    summary: "Creates stacks of resources from templates. The sandbox simulates stacks of SSM parameters, secrets, KMS keys and aliases and EC2 instances, to show what dynamic references and SSM parameter types resolve, and where the values end up.",
    simplifications: [
      "Stacks are created and deleted at once: create-stack returns when the stack is CREATE_COMPLETE or rolled back (AWS works in the background; describe-stacks shows the result).",
      "Resource types: AWS::SSM::Parameter, AWS::SecretsManager::Secret, AWS::KMS::Key, AWS::KMS::Alias and AWS::EC2::Instance, created with your own permissions (no service role). Other types are refused with a message that says so.",
      "Templates (JSON or YAML, short-form tags included) support Parameters (SSM parameter types too), Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Base64, Fn::Select, Fn::Split, Fn::GetAZs and Outputs; not Conditions, Mappings, imports, transforms, updates or change sets.",
      "Dynamic references {{resolve:ssm:...}}, {{resolve:ssm-secure:...}} and {{resolve:secretsmanager:...}} are resolved as the caller; their values never appear in the stack's template, events or outputs.",
    ],
    commands: {
      CreateStack: { partial: true,
        summary: "Creates a stack from a template; the stack rolls back (deleting what it made) if a resource fails.",
        example: "aws cloudformation create-stack --stack-name orders-reporting --template-body file://orders-stack.yaml",
        note: "The stack is complete, or rolled back, when the command returns.",
      },
      DescribeStacks: { summary: "Shows stacks: status and its reason, parameters (with the values SSM parameter types resolved to) and outputs.", example: "aws cloudformation describe-stacks --stack-name orders-reporting" },
      DescribeStackEvents: { summary: "Lists what happened to a stack and its resources, newest first, with the reason of each failure.", example: "aws cloudformation describe-stack-events --stack-name orders-reporting" },
      DescribeStackResources: { summary: "Lists a stack's resources with their physical ids and statuses.", example: "aws cloudformation describe-stack-resources --stack-name orders-reporting" },
      ListStackResources: { summary: "Lists a stack's resources (summaries).", example: "aws cloudformation list-stack-resources --stack-name orders-reporting" },
      DeleteStack: { summary: "Deletes a stack and the resources it created (a rolled-back stack must be deleted before it can be created again).", example: "aws cloudformation delete-stack --stack-name orders-reporting" },
      GetTemplate: { summary: "Shows the template a stack was created from, as given (references unresolved).", example: "aws cloudformation get-template --stack-name orders-reporting" },
      ValidateTemplate: { summary: "Checks a template's format and lists its parameters.", example: "aws cloudformation validate-template --template-body file://orders-stack.yaml" },
      ListStacks: { summary: "Lists stacks by status, deleted ones included for 90 days.", example: "aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE ROLLBACK_COMPLETE" },
    },
    notSimulated: {
      "*": "Only creating, describing and deleting stacks is simulated in CloudFormation (no updates, change sets or StackSets).",
    },
  },
  cloudtrail: {
    title: "AWS CloudTrail",
    summary: "Records the calls made in an account. The sandbox serves its Event history (lookup-events) from its own trail: every call, who made it, on what, and whether it failed.",
    simplifications: [
      "Events appear at once (CloudTrail takes about 5 minutes), for the account and Region of the request, newest first, for 90 days.",
      "The records carry a documentation address (192.0.2.1) as the source IP and the sandbox as the user agent; access key ids are not recorded.",
      "Trails, event data stores (Lake), Insights and data events are not simulated.",
    ],
    commands: {
      LookupEvents: {
        summary: "Finds recent events by one attribute (EventName, Username, ResourceName, ResourceType, EventSource, ReadOnly, EventId) and a time range.",
        example: "aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=DisableKey --query 'Events[].[EventTime,Username]' --output text",
        note: "The whole record is JSON text in CloudTrailEvent: pipe it to jq to read errorCode or requestParameters.",
      },
    },
    notSimulated: {
      "*": "Only the Event history (lookup-events) is simulated in CloudTrail.",
    },
  },
};

export function commandText(service: string, operation: string): CommandText | undefined {
  return SERVICE_TEXTS[service]?.commands[operation];
}

export function notSimulatedNote(service: string, operation: string): string {
  const texts = SERVICE_TEXTS[service];
  return texts?.notSimulated[operation] ?? texts?.notSimulated["*"] ?? "Not simulated in the sandbox.";
}
