#!/usr/bin/env python3
"""Runs every case of cases.py through the real AWS CLI v2 (/usr/bin/aws) against the canned
mock endpoint and writes what it printed: the expectations of tests/unit/cli/recorded.test.ts."""
import json, os, subprocess, sys, shutil, base64
sys.path.insert(0, os.path.dirname(__file__))
from cases import CASES

WORK = '/tmp/cli-oracle/work'
out = []
def parse_body(b):
    try:
        return json.loads(b) if b else None
    except ValueError:
        return {'form': b}
for case in CASES:
    shutil.rmtree(WORK, ignore_errors=True); os.makedirs(WORK)
    for path, content in case.get('files', {}).items():
        data = base64.b64decode(content['base64']) if isinstance(content, dict) else content.encode()
        with open(os.path.join(WORK, path), 'wb') as f: f.write(data)
    canned = case.get('responses', [{'body': {}}])
    json.dump(canned, open('/tmp/cli-oracle/canned.json', 'w'))
    open('/tmp/cli-oracle/requests.log', 'w').close()
    env = dict(os.environ, AWS_ACCESS_KEY_ID='test', AWS_SECRET_ACCESS_KEY='test', AWS_DEFAULT_REGION='us-east-1', AWS_PAGER='', HOME='/tmp/cli-oracle/home', AWS_CONFIG_FILE='/tmp/cli-oracle/home/config', AWS_SHARED_CREDENTIALS_FILE='/tmp/cli-oracle/home/creds', TZ='UTC', AWS_MAX_ATTEMPTS='3', AWS_RETRY_MODE='standard')
    env.pop('AWS_REGION', None); env.pop('AWS_DEFAULT_OUTPUT', None)
    env.update(case.get('env', {}))
    args = ['/usr/bin/aws'] + case['argv'] + ([] if case.get('noEndpoint') else ['--endpoint-url', 'http://127.0.0.1:18777'])
    p = subprocess.run(args, capture_output=True, env=env, cwd=WORK, timeout=60)
    reqs = [json.loads(l) for l in open('/tmp/cli-oracle/requests.log') if l.strip()]
    record = dict(case)
    record.update({'stdout': p.stdout.decode('utf-8', 'replace'), 'stderr': p.stderr.decode('utf-8', 'replace'), 'exitCode': p.returncode,
                   'requests': [{'target': r['target'], 'body': parse_body(r['body'])} for r in reqs]})
    out.append(record)
    print(case['name'], p.returncode, file=sys.stderr)
json.dump({'recordedWith': 'aws-cli/2.9.19 Python/3.11.2 (Debian awscli) against a canned local endpoint; regenerate with /tmp research scripts (see tests/unit/cli/README.md)', 'cases': out}, open(sys.argv[1], 'w'), indent=1, ensure_ascii=False)
