#!/usr/bin/env python3
"""Renders chanlab's Go source templates (src/patterns/go/<id>.go) the way the Rust side does.

The Rust renderer, src/patterns/template.rs, is the source of truth; this is a line-for-line
port of it, plus the parameter schema of docs/PATTERNS.md and the extra snippets some
patterns compute (see tests/go/README.md).

Usage:
    render.py render <id> [key=value ...]    print the rendered program
    render.py cases <cases.txt> <out-dir>    render every case into <out-dir>/<id>__<n>/main.go
                                             and list them in <out-dir>/manifest.txt as
                                             "<id>__<n><TAB><tags>"
"""

import os
import shlex
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TEMPLATES = os.path.join(ROOT, "src", "patterns", "go")


def Int(default, lo, hi):
    return ("int", default, (lo, hi))


def Bool(default):
    return ("bool", default, None)


def Choice(default, *options):
    return ("choice", default, options)


def Text(default, max_chars):
    return ("text", default, max_chars)


def List(default, max_items, max_chars):
    return ("list", default, (max_items, max_chars))


MS = (0, 60000)

# Every pattern's parameters, in docs/PATTERNS.md's order: key -> (kind, default as in a URL, limits).
SCHEMA = {
    "goroutines": {
        "count": Int("5", 1, 10000),
        "work_ms": Int("100", *MS),
        "sync": Choice("waitgroup", "waitgroup", "sleep"),
        "sleep_ms": Int("500", *MS),
    },
    "channels": {
        "capacity": Int("0", 0, 10000),
        "values": Int("3", 1, 10000),
        "recv_delay_ms": Int("100", *MS),
    },
    "range-close": {"values": Int("5", 0, 10000)},
    "select": {"latency_a_ms": Int("200", *MS), "latency_b_ms": Int("100", *MS)},
    "select-default": {"ready": Bool("false")},
    "timeout": {
        "work_ms": Int("2000", *MS),
        "timeout_ms": Int("1000", *MS),
        "rounds": Int("1", 1, 100000),
        "timer": Choice("after", "after", "newtimer"),
    },
    "waitgroup-add": {
        "count": Int("5", 1, 10000),
        "add": Choice("before", "before", "inside"),
    },
    "worker-pool": {
        "workers": Int("5", 1, 1024),
        "jobs": Int("20", 0, 100000),
        "job_ms": Int("50", *MS),
        "cpu_work": Int("0", 0, 10**9),
    },
    "fan-out-fan-in": {
        "workers": Int("3", 1, 1024),
        "items": Int("10", 0, 100000),
        "cpu_work": Int("0", 0, 10**9),
    },
    "pipeline": {
        "words": List("goroutines,channels,pipelines,go", 1000, 100),
        "prefix": Text(">> ", 20),
    },
    "context-cancel": {"timeout_ms": Int("350", 1, 60000), "tick_ms": Int("100", 1, 60000)},
    "worker-pool-context": {
        "workers": Int("4", 1, 1024),
        "jobs": Int("20", 0, 100000),
        "job_ms": Int("50", *MS),
        "timeout_ms": Int("120", *MS),
    },
    "semaphore": {
        "tasks": Int("10", 0, 100000),
        "max_concurrent": Int("3", 1, 1024),
        "latency_ms": Int("100", *MS),
    },
    "errgroup": {
        "endpoints": List("a:100:200,b:150:503,c:300:200", 1000, 100),
        "limit": Int("0", 0, 1024),
    },
    "batch-processor": {
        "urls": Int("8", 0, 10000),
        "limit": Int("3", 1, 1024),
        "timeout_ms": Int("10000", *MS),
        "latency_ms": Int("100", *MS),
        "jitter_ms": Int("50", *MS),
        "fail": Int("-1", -1, 10000),
    },
    "leak": {
        "calls": Int("10", 0, 100000),
        "fix": Choice("none", "none", "buffered", "context"),
    },
    "double-close": {"fix": Choice("none", "none", "once")},
    "send-closed": {"capacity": Int("1", 0, 100)},
    "nil-channel": {"op": Choice("send", "send", "recv", "select", "empty-select")},
    "loop-capture": {
        "count": Int("5", 1, 1000),
        "go_version": Choice("1.21", "1.21", "1.22"),
    },
    "waitgroup-negative": {},
    "deadlock": {},
    "benchmark": {
        "tasks": Int("10000", 1, 10**6),
        "workload": Int("1000", 0, 10**7),
        "workers": Int("8", 1, 1024),
        "rounds": Int("5", 1, 1000),
    },
}

# Extra snippets a case may give explicitly instead of having them computed.
OVERRIDABLE_EXTRAS = {"batch-processor": {"latencies"}}


def parse_value(kind, limits, raw, key):
    """Strictly parses one raw value (a case must be valid: nothing is corrected here)."""
    if kind == "int":
        n = int(raw.strip())
        lo, hi = limits
        if not lo <= n <= hi:
            raise ValueError(f"{key}={n} is outside {lo}..{hi}")
        return n
    if kind == "bool":
        if raw.strip() in ("true", "1"):
            return True
        if raw.strip() in ("false", "0"):
            return False
        raise ValueError(f"{key}={raw!r} is not a bool")
    if kind == "choice":
        if raw.strip() not in limits:
            raise ValueError(f"{key}={raw!r} is not one of {', '.join(limits)}")
        return raw.strip()
    if kind == "text":
        if len(raw) > limits:
            raise ValueError(f"{key} is longer than {limits} characters")
        return raw
    if kind == "list":
        items = [] if raw == "" else raw.split(",")
        max_items, max_chars = limits
        if len(items) > max_items or any(len(i) > max_chars for i in items):
            raise ValueError(f"{key} is over its limits")
        return items
    raise AssertionError(kind)


def display(value):
    """A value as written in a URL (Rust: `impl Display for Value`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def is_go_printable(c):
    """Rust: `is_go_printable`, an approximation of Go's strconv.IsPrint."""
    u = ord(c)
    return not (
        unicodedata.category(c) == "Cc"
        or 0x80 <= u <= 0x9F
        or u == 0xAD
        or 0x200B <= u <= 0x200F
        or 0x2028 <= u <= 0x202E
        or 0x2060 <= u <= 0x206F
        or u == 0xFEFF
        or 0xE000 <= u <= 0xF8FF
        or 0xFFF9 <= u <= 0xFFFB
        or (u & 0xFFFE) == 0xFFFE
        or 0xF0000 <= u <= 0x10FFFF
    )


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
           "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}


def go_quote(s):
    """Rust: `go_quote`, a double-quoted Go string literal as strconv.Quote writes it."""
    out = ['"']
    for c in s:
        u = ord(c)
        if c in ESCAPES:
            out.append(ESCAPES[c])
        elif u < 0x20 or u == 0x7F:
            out.append(f"\\x{u:02x}")
        elif not is_go_printable(c):
            out.append(f"\\u{u:04x}" if u < 0x10000 else f"\\U{u:08x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def go_literal(value):
    """Rust: `go_literal`. Choices are kept apart from text by `Choice`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Choice_):
        return str(value)
    if isinstance(value, list):
        return ", ".join(go_quote(i) for i in value)
    return go_quote(value)


class Choice_(str):
    """A choice value: renders as its bare word."""


def extras(pid, params, overrides):
    """The extra Go snippets of pattern `pid` (tests/go/README.md lists them)."""
    out = {}
    if pid == "errgroup":
        items = []
        for entry in params["endpoints"]:
            name, latency, status = entry.split(":")
            items.append(f"{{name: {go_quote(name)}, latency: {int(latency)} * time.Millisecond, "
                         f"status: {int(status)}}}")
        out["endpoint_list"] = ", ".join(items)
    if pid == "batch-processor":
        if "latencies" in overrides:
            ms = [int(x) for x in overrides["latencies"].split(",") if x.strip() != ""]
        else:
            # Without an explicit override: no jitter at all.
            ms = [params["latency_ms"]] * params["urls"]
        if len(ms) != params["urls"]:
            raise ValueError(f"latencies has {len(ms)} entries for urls={params['urls']}")
        out["latencies"] = ", ".join(str(m) for m in ms)
    return out


def eval_cond(cond, params):
    """Rust: `eval`."""
    if cond.startswith("!"):
        return not eval_cond(cond[1:].strip(), params)
    for op in ("==", "!=", "<=", ">=", "<", ">"):
        if op in cond:
            key, lit = cond.split(op, 1)
            value = params[key.strip()]
            lit = lit.strip()
            if isinstance(value, int) and not isinstance(value, bool):
                a, b = value, int(lit)
            else:
                a, b = display(value), lit.strip('"')
            return {"==": a == b, "!=": a != b, "<": a < b, ">": a > b,
                    "<=": a <= b, ">=": a >= b}[op]
    value = params[cond]
    if not isinstance(value, bool):
        raise ValueError(f"condition `{cond}` on non-bool value {value!r}")
    return value


def substitute(line, lookup):
    """Rust: `substitute`: replaces every known `{{name}}`, keeps unknown ones visible."""
    out = []
    rest = line
    while True:
        start = rest.find("{{")
        if start < 0:
            break
        out.append(rest[:start])
        after = rest[start + 2:]
        end = after.find("}}")
        if end < 0:
            out.append(rest[start:])
            rest = ""
            break
        name = after[:end]
        text = lookup(name)
        out.append(text if text is not None else "{{" + name + "}}")
        rest = after[end + 2:]
    out.append(rest)
    return "".join(out)


def render_template(template, params, extra):
    """Rust: `render`."""
    def lookup(name):
        if name in extra:
            return extra[name]
        if name in params:
            return go_literal(params[name])
        return None

    out = []
    stack = []  # one bool per open block: is this branch taken?
    # Lines end at "\n" only, as Rust's split_inclusive('\n') sees them.
    lines = [l + "\n" for l in template.split("\n")]
    lines[-1] = lines[-1][:-1]
    for line in lines:
        directive = line.strip()
        if directive.startswith("{{if ") and directive.endswith("}}"):
            stack.append(eval_cond(directive[5:-2].strip(), params))
            continue
        if directive == "{{else}}":
            if stack:
                stack[-1] = not stack[-1]
            continue
        if directive == "{{end}}":
            if stack:
                stack.pop()
            continue
        if all(stack):
            out.append(substitute(line, lookup))
    return "".join(out)


def make_params(pid, pairs):
    """Parameters of `pid` from (key, raw) pairs; returns (params, extra overrides)."""
    if pid not in SCHEMA:
        raise ValueError(f"unknown pattern {pid!r}")
    schema = SCHEMA[pid]
    raw = {k: spec[1] for k, spec in schema.items()}
    overrides = {}
    for key, value in pairs:
        if key in schema:
            raw[key] = value
        elif key in OVERRIDABLE_EXTRAS.get(pid, ()):
            overrides[key] = value
        else:
            raise ValueError(f"{pid} has no parameter {key!r}")
    params = {}
    for key, (kind, _default, limits) in schema.items():
        v = parse_value(kind, limits, raw[key], key)
        params[key] = Choice_(v) if kind == "choice" else v
    return params, overrides


def render(pid, pairs):
    params, overrides = make_params(pid, pairs)
    with open(os.path.join(TEMPLATES, pid + ".go"), encoding="utf-8") as f:
        template = f.read()
    return render_template(template, params, extras(pid, params, overrides))


def split_pairs(tokens):
    pairs = []
    for t in tokens:
        if "=" not in t:
            raise ValueError(f"expected key=value, got {t!r}")
        k, v = t.split("=", 1)
        pairs.append((k, v))
    return pairs


def parse_case(line):
    """`<id> key=value ... [# tag ...]` -> (id, pairs, tags). Values may be shell-quoted."""
    tokens = shlex.split(line)
    tags = []
    if "#" in tokens:
        i = tokens.index("#")
        tokens, tags = tokens[:i], tokens[i + 1:]
    return tokens[0], split_pairs(tokens[1:]), tags


def main(argv):
    if len(argv) >= 2 and argv[0] == "render":
        sys.stdout.write(render(argv[1], split_pairs(argv[2:])))
        return 0
    if len(argv) == 3 and argv[0] == "cases":
        counts = {}
        manifest = []
        with open(argv[1], encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                pid, pairs, tags = parse_case(line)
                n = counts.get(pid, 0)
                counts[pid] = n + 1
                name = f"{pid}__{n}"
                os.makedirs(os.path.join(argv[2], name), exist_ok=True)
                with open(os.path.join(argv[2], name, "main.go"), "w", encoding="utf-8") as out:
                    out.write(render(pid, pairs))
                manifest.append(f"{name}\t{' '.join(tags)}\n")
        with open(os.path.join(argv[2], "manifest.txt"), "w", encoding="utf-8") as f:
            f.writelines(manifest)
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
