#!/usr/bin/python3
"""Records what Python's jmespath (the library the AWS CLI v2 evaluates --query
with) answers for each expression x document, into
tests/unit/cli/jmespath/fixtures.json, which tests/unit/cli/jmespath.test.ts
replays through the sandbox's port. Run it with Debian's python3-jmespath
(1.0.1, the version Debian's awscli 2.9 uses):

    /usr/bin/python3 scripts/record-jmespath-fixtures.py [COMPLIANCE_DIR]

COMPLIANCE_DIR is the tests/compliance folder of a jmespath.py checkout
(github.com/jmespath/jmespath.py, MIT): its documents and expressions are
inputs only; every expected value is what the library returns here, not what
the compliance files say. tests/unit/cli/jmespath/cases.json adds the
project's own cases: shapes of AWS CLI output and the places where Python's
semantics differ from JavaScript's (string max_by, code points, int/float,
bool/int equality, type errors). CI does not run this script.

Each result is recorded as the CLI prints it with --output json
(json.dumps with indent=4, ensure_ascii=False and the CLI's json_encoder),
so float printing is checked too; each error as its Python type and str().
"""
import datetime
import json
import os
import sys
from collections import OrderedDict

import jmespath

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, '..', 'tests', 'unit', 'cli', 'jmespath')


def json_encoder(obj):
    # awscli.utils.json_encoder, as the CLI's JSON formatter uses it.
    if isinstance(obj, datetime.datetime):
        return obj.isoformat()
    return obj


def record(given_text, expression):
    # The CLI compiles --query once (jmespath.compile), then searches the
    # parsed response with the default options (plain dicts).
    given = json.loads(given_text)
    try:
        compiled = jmespath.compile(expression)
    except Exception as error:  # noqa: BLE001 - every exception is a recorded outcome
        return {'phase': 'compile', 'error': type(error).__name__, 'message': str(error)}
    try:
        result = compiled.search(given)
    except Exception as error:  # noqa: BLE001
        return {'phase': 'search', 'error': type(error).__name__, 'message': str(error)}
    try:
        return {'output': json.dumps(result, indent=4, ensure_ascii=False, default=json_encoder)}
    except Exception as error:  # noqa: BLE001
        return {'phase': 'output', 'error': type(error).__name__, 'message': str(error)}


def groups_from_compliance(folder):
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.json'):
            continue
        with open(os.path.join(folder, name)) as handle:
            suite = json.load(handle, object_pairs_hook=OrderedDict)
        for group in suite:
            yield 'compliance/' + name, group['given'], [case['expression'] for case in group['cases']]


def groups_from_project():
    with open(os.path.join(OUT_DIR, 'cases.json')) as handle:
        suite = json.load(handle, object_pairs_hook=OrderedDict)
    for group in suite:
        yield 'project/' + group['name'], group['given'], group['expressions']


def main():
    groups = list(groups_from_project())
    if len(sys.argv) > 1:
        groups += list(groups_from_compliance(sys.argv[1]))
    documents = []
    cases = []
    for source, given, expressions in groups:
        # ensure_ascii=False keeps the documents readable; the test reads them with the port of json.loads.
        text = json.dumps(given, ensure_ascii=False)
        if text not in documents:
            documents.append(text)
        doc = documents.index(text)
        for expression in expressions:
            case = {'source': source, 'doc': doc, 'expression': expression}
            case.update(record(text, expression))
            cases.append(case)
    fixtures = OrderedDict([
        ('recordedWith', 'jmespath %s (Python %s)' % (jmespath.__version__, sys.version.split()[0])),
        ('documents', documents),
        ('cases', cases),
    ])
    with open(os.path.join(OUT_DIR, 'fixtures.json'), 'w') as handle:
        json.dump(fixtures, handle, indent=1, ensure_ascii=False)
        handle.write('\n')
    print('recorded %d cases over %d documents with %s' % (len(cases), len(documents), fixtures['recordedWith']))


if __name__ == '__main__':
    main()
