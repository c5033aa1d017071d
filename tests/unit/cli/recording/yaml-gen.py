import json, random, io, sys
from awscli.formatter import YAMLDumper
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
alphabet = list("abcXYZ019 -:#,[]{}&*!|>'\"%@`?=~.\n\t\\/_+") + ["é", "✓", "\u2028", "\x85", "\xa0", "\ufeff", "\x01", "😀", "中"]
words = ["true", "false", "null", "yes", "no", "on", "~", "123", "1.5", "0x1F", "0o17", "1e3", ".5", "2023-01-01", "2023-01-01T00:00:00+00:00", "<<", "=", "---", "...", "- x", ": x", "a: b", "#c", "a #b", "", " ", "  lead", "trail ", "x" * 90]
def rand_str():
    r = random.random()
    if r < 0.3: return random.choice(words)
    n = random.randint(0, 120 if random.random() < 0.2 else 12)
    s = "".join(random.choice(alphabet) for _ in range(n))
    if random.random() < 0.3:
        s = " ".join("".join(random.choice("abcdefgh") for _ in range(random.randint(1, 12))) for _ in range(random.randint(1, 25)))
    return s
def rand_val(depth=0):
    r = random.random()
    if depth > 3 or r < 0.5:
        c = random.random()
        if c < 0.7: return rand_str()
        if c < 0.8: return random.randint(-5, 10**6)
        if c < 0.85: return random.choice([True, False])
        if c < 0.9: return None
        return random.choice([1.5, 0.1, 1e-7, 2.0, 1e20])
    if r < 0.75: return {rand_str(): rand_val(depth + 1) for _ in range(random.randint(0, 4))}
    return [rand_val(depth + 1) for _ in range(random.randint(0, 4))]
cases = []
d = YAMLDumper()
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 400):
    v = rand_val()
    if random.random() < 0.7: v = {"K": v, "Other": rand_val()}
    s = io.StringIO()
    try:
        d.dump(v, s)
    except Exception as e:
        continue
    cases.append({"value": v, "yaml": s.getvalue()})
json.dump(cases, open("cases.json", "w"), ensure_ascii=False)
print(len(cases))
