"""boto3 (Debian's python3-boto3) against the sandbox's endpoint: the chapter's
envelope encryption and secret rotation, as a Python program would do them.
Run by tests/conformance/boto3.test.ts with ENDPOINT_URL set; prints one JSON
object of what it saw, and exits non-zero with the exception if a call fails
unexpectedly."""
import json
import os
import sys

import boto3
from botocore.exceptions import ClientError

session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
endpoint = os.environ["ENDPOINT_URL"]
kms = session.client("kms", endpoint_url=endpoint)
secrets = session.client("secretsmanager", endpoint_url=endpoint)
seen = {}

# Envelope encryption: a data key under the chapter's key, its encrypted copy opened again.
key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
data_key = kms.generate_data_key(KeyId=key_id, KeySpec="AES_256", EncryptionContext={"app": "orders"})
seen["dataKeyBytes"] = len(data_key["Plaintext"])
opened = kms.decrypt(CiphertextBlob=data_key["CiphertextBlob"], EncryptionContext={"app": "orders"})
seen["dataKeyReopened"] = opened["Plaintext"] == data_key["Plaintext"]
try:
    kms.decrypt(CiphertextBlob=data_key["CiphertextBlob"], EncryptionContext={"app": "billing"})
    seen["wrongContext"] = "decrypted"
except ClientError as error:
    seen["wrongContext"] = error.response["Error"]["Code"]

# Rotation: the chapter's secret, the chapter's function, every 30 days; the first rotation runs at once.
secrets.create_secret(Name="prod/db", SecretString=json.dumps({"username": "admin", "password": "MyPassword123"}))
secrets.rotate_secret(
    SecretId="prod/db",
    RotationLambdaARN="arn:aws:lambda:us-east-1:123456789012:function:MyRotationFunction",
    RotationRules={"AutomaticallyAfterDays": 30},
)
described = secrets.describe_secret(SecretId="prod/db")
seen["rotationEnabled"] = described["RotationEnabled"]
seen["rotationDays"] = described["RotationRules"]["AutomaticallyAfterDays"]
seen["lastRotated"] = "LastRotatedDate" in described
current = json.loads(secrets.get_secret_value(SecretId="prod/db")["SecretString"])
previous = json.loads(secrets.get_secret_value(SecretId="prod/db", VersionStage="AWSPREVIOUS")["SecretString"])
seen["username"] = current["username"]
seen["passwordChanged"] = current["password"] != "MyPassword123"
seen["previousPassword"] = previous["password"]
try:
    secrets.get_secret_value(SecretId="prod/nothing")
    seen["missing"] = "found"
except secrets.exceptions.ResourceNotFoundException as error:
    seen["missing"] = error.response["Error"]["Code"]

json.dump(seen, sys.stdout, sort_keys=True)
