import json, sys, os
from http.server import BaseHTTPRequestHandler, HTTPServer
STATE = "/tmp/cli-oracle/canned.json"
LOG = "/tmp/cli-oracle/requests.log"
class H(BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get('Content-Length', 0))
        body = self.rfile.read(n).decode('utf-8', 'replace')
        target = self.headers.get('X-Amz-Target', '')
        with open(LOG, 'a') as f:
            f.write(json.dumps({'target': target, 'body': body}) + '\n')
        canned = json.load(open(STATE))
        # canned: list of responses consumed in order (last one repeats)
        resp = canned[0] if len(canned) == 1 else canned.pop(0)
        json.dump(canned, open(STATE, 'w'))
        status = resp.get('status', 200)
        raw = resp['raw'] if 'raw' in resp else json.dumps(resp.get('body', {}))
        data = raw.encode('utf-8')
        self.send_response(status)
        ctype = resp.get('contentType', 'application/x-amz-json-1.1')
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(data)))
        self.send_header('x-amzn-RequestId', 'req-1')
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *a): pass
HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
