#!/usr/bin/env python3
"""Builds the report of run-all from the raw JSON of each run: results.md (Markdown tables, one
column per server: Glosa, the ws relay, the uWebSockets.js relay), results.json (summary and raw
figures) and latency.gp (the gnuplot script of latency.png).

    python3 report.py RESULTS_DIR
"""
import json
import os
import sys

TARGET_P99_MS = 50.0
SERVERS = (("glosa", "Glosa"), ("ws", "ws relay"), ("uws", "uWS relay"))
RELAYS = SERVERS[1:]
# The rate scenarios: (label in raw/, title)
RATE_SCENARIOS = (("fanout", "Fan-out: 10 pages × 100 viewers"),
                  ("pages", "Many small pages: 500 pages × 10 viewers"),
                  ("fanout-2pub", "Fan-out, two publishers per page: 10 pages × 100 viewers"),
                  ("pages-2pub",
                   "Many small pages, two publishers per page: 500 pages × 10 viewers"))


def load(folder, name):
    path = os.path.join(folder, "raw", name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def fmt(v, digits=1):
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, str):
        return v
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.{digits}f}"


def ratio(a, b):
    if a is None or b is None or not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return None
    if b == 0:
        return None
    return a / b


def passing_steps(run):
    if not run or "steps" not in run:
        return []
    return [s for s in run["steps"]
            if s["delivery"]["p99Ms"] <= TARGET_P99_MS and s["missingFraction"] <= 0.001]


def best_step(run):
    steps = passing_steps(run)
    return max(steps, key=lambda s: s["deliveriesPerSecond"]) if steps else None


def step_at(run, offered):
    if not run or "steps" not in run:
        return None
    for s in run["steps"]:
        if s["offeredDeliveriesPerSecond"] == offered:
            return s
    return None


def best_rate(run):
    """The best step's deliveries/s: 0 when no step passed, None when the scenario did not run."""
    step = best_step(run)
    if step:
        return step["deliveriesPerSecond"]
    return 0.0 if run else None


def idle_level(run, index):
    if not run or "levels" not in run or len(run["levels"]) <= index:
        return None
    return run["levels"][index]


def get(d, *keys):
    for k in keys:
        if d is None:
            return None
        d = d.get(k) if isinstance(d, dict) else None
    return d


def bytes_cell(step, json_key, wire_key):
    """Bytes per frame or event of a rate step: the JSON, and the compressed payload on the wire
    when the server compressed (glosa-load --deflate)."""
    if step.get("compressedFrames"):
        return f"{step[json_key]:.0f} ({step[wire_key]:.0f})"
    return f"{step[json_key]:.0f}"


def compressed(run, key):
    """A figure of a --deflate size run: the number when the server negotiated permessage-deflate,
    "declined" when it did not, "failed" when the run failed, None when it did not run."""
    if not run:
        return None
    if "error" in run:
        return "failed"
    if not run.get("deflateNegotiated"):
        return "declined"
    return run.get(key)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "results"
    env = load(folder, "environment") or {}
    runs = {}
    for scenario in ("fanout", "pages", "fanout-2pub", "pages-2pub", "pair", "idle", "durable",
                     "resume", "size", "size-deflate", "slow", "crowd"):
        for server, _ in SERVERS:
            runs[(scenario, server)] = load(folder, f"{scenario}-{server}")

    def r(scenario, server):
        return runs.get((scenario, server))

    rows = []  # scenario, measure, one figure per server, better, target, met

    def row(scenario, measure, values, better, target=None, met=None, digits=1):
        g, w, u = values
        rows.append({"scenario": scenario, "measure": measure, "glosa": g, "ws": w, "uws": u,
                     "ratio": ratio(g, w), "ratioUws": ratio(g, u), "better": better,
                     "target": target, "met": met, "digits": digits})

    def each(f):
        """f(server) for every server, in SERVERS' order."""
        return [f(server) for server, _ in SERVERS]

    def param(scenario, *keys):
        """A figure of the first server whose run of the scenario has it (the parameters)."""
        return next((v for v in each(lambda sv: get(r(scenario, sv), *keys)) if v is not None),
                    None)

    def rate_rows(scenario, label, ws_target):
        best = {server: best_step(r(scenario, server)) for server, _ in SERVERS}
        at5k = {server: step_at(r(scenario, server), 5000) for server, _ in SERVERS}
        values = each(lambda sv: best_rate(r(scenario, sv)))
        rt = ratio(values[0], values[1])
        if ws_target:
            row(label, "deliveries/s with p99 < 50 ms", values, "higher", "≥ 1.5 × ws",
                None if rt is None else rt >= 1.5, 0)
        else:
            row(label, "deliveries/s with p99 < 50 ms", values, "higher", digits=0)
        row(label, "deliveries per server CPU-second (at the best step)",
            each(lambda sv: get(best[sv], "deliveriesPerServerCpuSecond")), "higher", digits=0)
        return best, at5k

    # Fan-out
    label = "Fan-out 10 pages × 100 viewers"
    best, at5k = rate_rows("fanout", label, True)
    row(label, "p99 ms at 5 000 deliveries/s", each(lambda sv: get(at5k[sv], "delivery", "p99Ms")),
        "lower", digits=2)
    row(label, "bytes per frame (at the best step)",
        each(lambda sv: get(best[sv], "bytesPerFrame")), "lower")
    row(label, "bytes per event (at the best step)",
        each(lambda sv: get(best[sv], "bytesPerEvent")), "lower")
    row(label, "server CPU % (at the best step)",
        each(lambda sv: get(best[sv], "serverCpuPercent")), "lower", digits=0)

    # Many small pages
    label = "Small pages 500 × 10 viewers"
    best, at5k = rate_rows("pages", label, True)
    g99 = get(at5k["glosa"], "delivery", "p99Ms")
    row(label, "p99 ms at 5 000 deliveries/s (fan-out 10)",
        each(lambda sv: get(at5k[sv], "delivery", "p99Ms")), "lower", "< 2 ms",
        None if g99 is None else g99 < 2, 2)
    row(label, "p50 ms at 5 000 deliveries/s", each(lambda sv: get(at5k[sv], "delivery", "p50Ms")),
        "lower", digits=2)

    # The same shapes, two publishers per page (issue 12)
    for scenario, label in (("fanout-2pub", "Fan-out 10 pages × 100 viewers, 2 publishers/page"),
                            ("pages-2pub", "Small pages 500 × 10 viewers, 2 publishers/page")):
        best, at5k = rate_rows(scenario, label, False)
        row(label, "p50 ms at 5 000 deliveries/s",
            each(lambda sv: get(at5k[sv], "delivery", "p50Ms")), "lower", digits=2)
        row(label, "p99 ms at 5 000 deliveries/s",
            each(lambda sv: get(at5k[sv], "delivery", "p99Ms")), "lower", digits=2)

    # Two operations of one page, a few ms apart
    n = param("pair", "params", "viewers")
    if n is not None:
        label = f"Two operations on one page {fmt(param('pair', 'params', 'gapMs'), 0)} ms apart " \
            f"({n} viewers)"
        for which, name in (("first", "the first"), ("second", "the second")):
            for p in ("p50Ms", "p99Ms"):
                row(label, f"{name}'s delivery, {p[:3]} ms",
                    each(lambda sv: get(r("pair", sv), which, p)), "lower", digits=2)

    # Idle connections
    for index in (0, 1):
        levels = {sv: idle_level(r("idle", sv), index) for sv, _ in SERVERS}
        target = next((get(lv, "target") for lv in levels.values() if get(lv, "target")), None)
        if target is None:
            continue
        label = f"{target:,} idle connections"
        go = get(levels["glosa"], "open")
        row(label, "connections held", each(lambda sv: get(levels[sv], "open")), "higher",
            "20,000 held" if target == 20000 else None,
            None if target != 20000 or go is None else go >= target, 0)
        kib = get(levels["glosa"], "rssPerConnectionKiB")
        row(label, "server RSS per connection, KiB",
            each(lambda sv: get(levels[sv], "rssPerConnectionKiB")), "lower", "≤ 8 KiB",
            None if kib is None else kib <= 8, 2)
        row(label, "server CPU % while idle",
            each(lambda sv: get(levels[sv], "serverIdleCpuPercent")), "lower", digits=2)
        row(label, "connections opened per second",
            each(lambda sv: get(levels[sv], "connectionsPerSecond")), "higher", digits=0)

    # Durable writes
    d = r("durable", "glosa")
    ops = get(d, "opsPerSecond")
    row("Durable write path (synchronous=FULL)", "stored operations/s", [ops, None, None],
        "higher", "≥ 20 000", None if ops is None else ops >= 20000, 0)
    row("Durable write path (synchronous=FULL)", "ack p99 ms", [get(d, "ack", "p99Ms"), None, None],
        "lower", digits=2)

    # Resume
    med = get(r("resume", "glosa"), "medianMs")
    row("Resume of 10 000 missed events", "hello → last replayed event, ms (median)",
        each(lambda sv: get(r("resume", sv), "medianMs")), "lower", "< 200 ms",
        None if med is None or med < 0 else med < 200, 1)
    row("Resume of 10 000 missed events", "bytes received",
        each(lambda sv: get(r("resume", sv), "runs") and
             r("resume", sv)["runs"][0]["bytesReceived"]), "lower", digits=0)

    # Size: the JSON as every client gets it without compression, and what crosses the wire to a
    # client that offers permessage-deflate (run with --deflate), or "declined".
    sg = r("size", "glosa")
    zg = r("size-deflate", "glosa")
    any_deflate = any(r("size-deflate", sv) for sv, _ in SERVERS)
    b = get(sg, "createEventBytes")
    if any_deflate:
        cb = compressed(zg, "createEventWirePayloadBytes")
        on_wire = cb if isinstance(cb, (int, float)) else b
        row("Typical create event", "bytes on the wire to a client offering "
            "permessage-deflate (payload)",
            each(lambda sv: compressed(r("size-deflate", sv), "createEventWirePayloadBytes")),
            "lower", "≤ 512", None if on_wire is None else on_wire <= 512, 0)
        row("Typical create event", "bytes of that compressed WebSocket frame",
            each(lambda sv: compressed(r("size-deflate", sv), "createEventWireBytes")), "lower",
            digits=0)
        row("Typical create event", "bytes of the JSON payload (uncompressed)",
            each(lambda sv: get(r("size", sv), "createEventBytes")), "lower", digits=0)
    else:
        row("Typical create event", "bytes on the wire (JSON payload)",
            each(lambda sv: get(r("size", sv), "createEventBytes")), "lower", "≤ 512",
            None if b is None else b <= 512, 0)
    row("Typical create event", "bytes of the uncompressed WebSocket frame",
        each(lambda sv: get(r("size", sv), "createEventWireBytes")), "lower", digits=0)
    if any_deflate:
        row("Typical comment event", "bytes on the wire to a client offering "
            "permessage-deflate (payload)",
            each(lambda sv: compressed(r("size-deflate", sv), "commentEventWirePayloadBytes")),
            "lower", digits=0)
    row("Typical comment event", "bytes of the JSON payload (uncompressed)",
        each(lambda sv: get(r("size", sv), "commentEventBytes")), "lower", digits=0)

    # Slow consumers (issue 11, item 3)
    n = param("slow", "params", "slow")
    if n is not None:
        label = f"{n:,} slow connections on a busy page"
        peak = get(r("slow", "glosa"), "serverPeakRssAboveBaselineMiB")
        row(label, "server RSS above the baseline at the peak, MiB",
            each(lambda sv: get(r("slow", sv), "serverPeakRssAboveBaselineMiB")), "lower",
            "< 100 MiB", None if peak is None else peak < 100)
        row(label, "server RSS above the baseline 3 s after they closed, MiB",
            each(lambda sv: get(r("slow", sv), "serverRssAboveBaselineAfterCloseMiB")), "lower")
        p99 = get(r("slow", "glosa"), "readerDelivery", "p99Ms")
        row(label, "a reader on the same page: p99 ms",
            each(lambda sv: get(r("slow", sv), "readerDelivery", "p99Ms")), "lower", "< 100 ms",
            None if p99 is None else p99 < 100, 2)

    # A crowd joining one page (issue 11, item 5)
    n = param("crowd", "params", "viewers")
    if n is not None:
        label = f"{n:,} viewers join one page"
        secs = get(r("crowd", "glosa"), "joinSeconds")
        row(label, "seconds until every one is welcomed",
            each(lambda sv: get(r("crowd", sv), "joinSeconds")), "lower", "< 2 s",
            None if secs is None else secs < 2, 2)
        p99 = get(r("crowd", "glosa"), "probe", "p99Ms")
        row(label, "a probe on another page: p99 ms",
            each(lambda sv: get(r("crowd", sv), "probe", "p99Ms")), "lower", "< 100 ms",
            None if p99 is None else p99 < 100, 2)
        top = get(r("crowd", "glosa"), "probe", "maxMs")
        row(label, "a probe on another page: max ms",
            each(lambda sv: get(r("crowd", sv), "probe", "maxMs")), "lower", "< 100 ms",
            None if top is None else top < 100, 2)
        row(label, "presence frames per viewer",
            each(lambda sv: get(r("crowd", sv), "presenceFramesPerViewer")), "lower")

    # --- Markdown
    md = []
    md.append("# Glosa vs. a ws relay and a uWebSockets.js relay, side by side\n")
    md.append(f"Mode **{env.get('mode', '?')}**, {env.get('date', '?')}, commit "
              f"`{env.get('commit', '?')}`; {env.get('cpus', '?')} CPUs ({env.get('cpuModel', '?')}), "
              f"{env.get('memoryMiB', '?')} MiB, kernel {env.get('kernel', '?')}; "
              f"Qt {env.get('qt', '?')} ({env.get('buildType', '?')} build), Node {env.get('node', '?')}, "
              f"ws {env.get('ws', '?')}, uWebSockets.js {env.get('uws', '?')}; open files limit "
              f"{env.get('openFilesLimit', '?')} per process; "
              f"Glosa's data on {env.get('dataFilesystem', '?')}. Everything on 127.0.0.1; "
              f"the load generator ran {env.get('generatorThreads', '?')} thread(s) on the same machine.\n")
    others = [st.get("otherCpuPercent", 0) for sc, _ in RATE_SCENARIOS for sv, _ in SERVERS
              for st in (r(sc, sv) or {}).get("steps", [])]
    others += [lv.get("otherCpuPercent", 0) for sv, _ in SERVERS
               for lv in (r("idle", sv) or {}).get("levels", [])]
    others += [(r("pair", sv) or {}).get("otherCpuPercent", 0) for sv, _ in SERVERS]
    others += [(r("durable", "glosa") or {}).get("otherCpuPercent", 0)]
    worst = max(others or [0])
    if worst > 20:
        md.append(f"**Warning: the machine was not quiet.** Other processes took up to {worst:.0f} % "
                  "of a core while figures were being measured (column \"other CPU %\" below): "
                  "those figures are skewed; run again on a quiet machine.\n")
    else:
        md.append(f"The machine was quiet while figures were measured: other processes took at "
                  f"most {worst:.0f} % of a core.\n")
    md.append("CPU figures are in % of one core (the machine has "
              f"{env.get('cpus', '?')}); \"other\" is what the rest of the machine used meanwhile. "
              "Deliveries per server CPU-second: the step's deliveries/s divided by the CPU time "
              "the server process took per second of its window (utime + stime, every thread).\n")
    md.append("| Scenario | Measure | Glosa | ws relay | uWS relay | Glosa/ws | Glosa/uWS | "
              "Target | Met |")
    md.append("|---|---|---:|---:|---:|---:|---:|---|---|")
    for x in rows:
        ratios = ["—" if rt is None else f"{rt:.2f}×" for rt in (x["ratio"], x["ratioUws"])]
        met = "" if x["met"] is None else ("yes" if x["met"] else "**no**")
        md.append(f"| {x['scenario']} | {x['measure']} | {fmt(x['glosa'], x['digits'])} | "
                  f"{fmt(x['ws'], x['digits'])} | {fmt(x['uws'], x['digits'])} | {ratios[0]} | "
                  f"{ratios[1]} | {x['target'] or ''} | {met} |")
    md.append("")
    md.append("Glosa/ws and Glosa/uWS above 1 are better where more is better (deliveries/s, "
              "connections), and worse where less is better (latency, bytes, memory, CPU). The "
              "relays store nothing, so the durable write path is Glosa's alone; they keep their "
              "events in memory, so they can answer a resume.\n")

    for scenario, title in RATE_SCENARIOS:
        if not any(r(scenario, sv) for sv, _ in SERVERS):
            continue
        md.append(f"## {title}\n")
        md.append("Each operation goes to every viewer of its page; a delivery is its receipt "
                  "by a viewer other than the sender, timed from the moment the generator wrote "
                  "it. Rates rise until p99 passes 50 ms, deliveries go missing, or the "
                  "server falls behind the offered rate.")
        if scenario.endswith("-2pub"):
            md.append("Two connections of each page send, taking turns, and consecutive operations "
                      "go to different pages.")
        md.append("")
        for server, name in SERVERS:
            run = r(scenario, server)
            if not run or "steps" not in run:
                md.append(f"{name}: no result.\n")
                continue
            conn = run.get("connections", {})
            md.append(f"**{name}** — {conn.get('open')} of {conn.get('target')} connections in "
                      f"{conn.get('seconds')} s; stopped: {run.get('stopReason')}.\n")
            md.append("| offered/s | delivered/s | p50 ms | p99 ms | max ms | missing | "
                      "B/frame | B/event | events/frame | server CPU % | deliveries/CPU-s | "
                      "generator CPU % | other CPU % |")
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            for s in run["steps"]:
                dl = s["delivery"]
                sat = " (saturated)" if s.get("generatorSaturated") else ""
                md.append(f"| {fmt(s['offeredDeliveriesPerSecond'], 0)} | "
                          f"{fmt(s['deliveriesPerSecond'], 0)} | {dl['p50Ms']:.2f} | "
                          f"{dl['p99Ms']:.2f} | {dl['maxMs']:.2f} | "
                          f"{s['missingFraction'] * 100:.2f} % | "
                          f"{bytes_cell(s, 'bytesPerFrame', 'wireBytesPerFrame')} | "
                          f"{bytes_cell(s, 'bytesPerEvent', 'wireBytesPerEvent')} | "
                          f"{s['eventsPerFrame']:.2f} | "
                          f"{s['serverCpuPercent']:.0f} | "
                          f"{fmt(s.get('deliveriesPerServerCpuSecond'), 0)} | "
                          f"{s['generatorCpuPercent']:.0f}{sat} | "
                          f"{s.get('otherCpuPercent', 0):.0f} |")
            md.append("")
            if any(s.get("compressedFrames") for s in run["steps"]):
                md.append("Bytes per frame and per event: the JSON, then (in parentheses) the "
                          "payload on the wire, compressed with permessage-deflate.\n")

    if any(r("pair", sv) for sv, _ in SERVERS):
        md.append("## Two operations on one page, a few milliseconds apart\n")
        md.append("Two viewers of one page send an operation each, the second a few milliseconds "
                  "after the first; the pair comes again once the page has been quiet for "
                  "200 ms. Each operation's deliveries to the other viewers are timed apart: a "
                  "server that coalesces frames to busy connections holds the second one back "
                  "until its batch window closes.\n")
        md.append("| server | viewers | pairs | gap ms | first p50 ms | first p99 ms | "
                  "second p50 ms | second p99 ms | second max ms | missing |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for server, name in SERVERS:
            run = r("pair", server)
            if not run or "first" not in run:
                if run:
                    md.append(f"| {name} |" + " — |" * 8 + " failed |")
                continue
            f1, f2 = run["first"], run["second"]
            md.append(f"| {name} | {run['open']} | {run['params']['pairs']} | {run['gapMs']:.2f} | "
                      f"{f1['p50Ms']:.2f} | {f1['p99Ms']:.2f} | {f2['p50Ms']:.2f} | "
                      f"{f2['p99Ms']:.2f} | {f2['maxMs']:.2f} | "
                      f"{run['missingFraction'] * 100:.2f} % |")
        md.append("")

    if any(r("idle", sv) for sv, _ in SERVERS):
        md.append("## Idle connections\n")
    for server, name in SERVERS:
        run = r("idle", server)
        if not run or "levels" not in run:
            continue
        md.append(f"**{name}**\n")
        md.append("| target | open | failures | server RSS MiB | KiB/connection | idle CPU % | "
                  "idle s | pings answered | connections/s |")
        md.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
        for lv in run["levels"]:
            failures = ", ".join(f"{k}: {v}" for k, v in lv.get("failures", {}).items()) or "none"
            md.append(f"| {lv['target']:,} | {lv['open']:,.0f} | {failures} | "
                      f"{lv['serverRssKiB'] / 1024:.1f} | {lv['rssPerConnectionKiB']:.2f} | "
                      f"{lv['serverIdleCpuPercent']:.2f} | {lv['idleSeconds']:.0f} | "
                      f"{lv['pingsAnsweredWhileIdle']:,.0f} | {lv['connectionsPerSecond']:.0f} |")
        md.append("")
    if any(r("idle", sv) for sv, _ in SERVERS):
        md.append(f"The open files limit is {env.get('openFilesLimit', '?')} per process (the "
                  "hard limit, which this script cannot raise): a server needs one descriptor per "
                  "connection plus its own, so a level at or above that limit cannot be held in "
                  "full by any server. The uWS relay pings a connection only after 28 to 32 s of "
                  "silence, Glosa and the ws relay every 30 s.\n")

    if d:
        md.append("## Durable write path (Glosa)\n")
        md.append(f"{d['params']['connections']} connections on as many pages, "
                  f"{d['params']['inFlightPerConnection']} operations in flight each, "
                  f"for {d['params']['seconds']} s: **{d['opsPerSecond']:,.0f}** operations/s "
                  f"acknowledged (the echo is sent after the commit), ack p50 "
                  f"{d['ack']['p50Ms']:.2f} ms, p99 {d['ack']['p99Ms']:.2f} ms, server CPU "
                  f"{d['serverCpuPercent']:.0f} %.\n")
    if any(r("resume", sv) for sv, _ in SERVERS):
        md.append("## Resume\n")
        for server, name in SERVERS:
            run = r("resume", server)
            if not run or "runs" not in run:
                continue
            times = ", ".join(f"{x['helloToLastEventMs']:.1f}" for x in run["runs"])
            first = run["runs"][0]
            md.append(f"- **{name}**: {run['missed']:,.0f} missed events, written at "
                      f"{run['fillOpsPerSecond']:,.0f} ops/s by one connection (64 in flight); "
                      f"hello → last event {times} ms (median {run['medianMs']:.1f}); "
                      f"recovered {fmt(first['recovered'])}, {first['eventsReceived']:,.0f} events "
                      f"in {first['framesReceived']:,.0f} frames, {first['bytesReceived']:,.0f} bytes.")
        md.append("")
    if sg:
        md.append("## A typical create event\n")
        md.append("The generator's `new-text-chat`: a 32-character quote with 32 characters of "
                  "context on each side and an 84-character comment, by an anonymous user named "
                  "\"Ana Lima\". As Glosa sends it:\n")
        md.append("```json\n" + sg.get("createEvent", "") + "\n```\n")
        content = 32 * 3 + 84
        plain = sg.get("createEventBytes", 0)
        md.append(f"{plain:.0f} bytes, of which {content} are the user's text "
                  f"(quote, context, comment); the rest is the protocol's fields, which the "
                  f"contract (docs/protocol.md) fixes. What crosses the wire depends on the "
                  f"client:\n")
        if zg and zg.get("deflateNegotiated"):
            cb, cf = zg["createEventWirePayloadBytes"], zg["createEventWireBytes"]
            md.append(f"- A client that offers permessage-deflate (RFC 7692), as browsers and "
                      f"Python's `websockets` do, gets each event compressed on its own: "
                      f"**{cb:.0f} bytes** of payload "
                      f"({cb / max(1, zg['createEventBytes']) * 100:.0f} % of its JSON), a "
                      f"{cf:.0f}-byte frame; the comment event, "
                      f"{zg['commentEventBytes']:.0f} bytes of JSON, takes "
                      f"{zg['commentEventWirePayloadBytes']:.0f}. Glosa answered "
                      f"`{zg.get('extensions', '')}`.")
        elif zg and "error" in zg:
            md.append("- A client that offers permessage-deflate: the run failed "
                      f"({zg['error']}; see logs/size-deflate-glosa.err).")
        elif zg:
            md.append("- A client that offers permessage-deflate (RFC 7692), as browsers and "
                      "Python's `websockets` do: Glosa **declined** the extension in this run, so "
                      f"such a client got the {plain:.0f}-byte text too.")
        md.append(f"- Qt's QWebSocket (the desktop app) does not offer the extension and gets the "
                  f"{plain:.0f}-byte text, a {sg.get('createEventWireBytes', 0):.0f}-byte frame.")
        for server, setting in (("ws", "ws's defaults"), ("uws", "compression off")):
            z = r("size-deflate", server)
            if z:
                md.append(f"- The {dict(SERVERS)[server]} runs with {setting}: it "
                          + ("accepted" if z.get("deflateNegotiated") else "declined")
                          + " permessage-deflate.")
        md.append("")

    exits_path = os.path.join(folder, "raw", "server-exits.txt")
    exits = open(exits_path).read().split("\n") if os.path.exists(exits_path) else []
    exits = [e for e in exits if e.strip()]
    unanswered = [(sc, sv, st["offeredDeliveriesPerSecond"], st["unansweredOps"],
                   st.get("unansweredIds", [])[:3])
                  for sc, _ in RATE_SCENARIOS for sv, _ in SERVERS
                  for st in (r(sc, sv) or {}).get("steps", []) if st.get("unansweredOps")]
    if exits or unanswered:
        md.append("## Faults seen\n")
        for e in exits:
            label, rc = e.rsplit(" ", 1)
            md.append(f"- The server of `{label}` exited with status {rc} after SIGTERM "
                      f"(134: abort, 139: segmentation fault); see logs/{label}.err.")
        for sc, sv, rate, n, ids in unanswered:
            md.append(f"- {sv}, {sc} at {rate:,.0f}/s: {n:.0f} operation(s) of the window got "
                      f"neither an echo nor an error before the drain ended "
                      f"(e.g. {', '.join(ids)}).")
        md.append("")

    with open(os.path.join(folder, "results.md"), "w") as f:
        f.write("\n".join(md) + "\n")

    summary = [{k: v for k, v in x.items() if k != "digits"} for x in rows]
    with open(os.path.join(folder, "results.json"), "w") as f:
        json.dump({"environment": env, "summary": summary, "serverExits": exits,
                   "runs": {f"{k[0]}-{k[1]}": v for k, v in runs.items() if v is not None}},
                  f, indent=2)

    # --- gnuplot: latency against delivered rate, one panel per rate scenario that ran
    titles = {"fanout": "fan-out: 10 pages x 100 viewers", "pages": "500 pages x 10 viewers",
              "fanout-2pub": "fan-out, 2 publishers per page: 10 pages x 100 viewers",
              "pages-2pub": "2 publishers per page: 500 pages x 10 viewers"}
    styles = {"glosa": ("Glosa", "#c0392b", 7, 6), "ws": ("ws", "#2471a3", 5, 4),
              "uws": ("uWS", "#1e8449", 9, 8)}
    panels = []
    for scenario, _ in RATE_SCENARIOS:
        series = []
        for server, _ in SERVERS:
            steps = (r(scenario, server) or {}).get("steps", [])
            if not steps:
                continue
            path = os.path.join(folder, "raw", f"{scenario}-{server}.dat")
            with open(path, "w") as f:
                f.write("# delivered/s p50_ms p99_ms\n")
                for st in steps:
                    f.write(f"{max(st['deliveriesPerSecond'], 1)} "
                            f"{max(st['delivery']['p50Ms'], 0.001)} "
                            f"{max(st['delivery']['p99Ms'], 0.001)}\n")
            series.append((server, path.replace("'", "")))
        if series:
            panels.append((scenario, series))
    rows_of_panels = 2 if len(panels) > 2 else 1
    columns = (len(panels) + rows_of_panels - 1) // rows_of_panels
    size = f"{700 * max(1, columns) + (100 if columns == 1 else 0)},{560 * rows_of_panels}"
    gp = [f"set terminal png size {size}",
          f"set output '{os.path.join(folder, 'latency.png')}'"]
    if panels:
        gp += [f"set multiplot layout {rows_of_panels},{columns} title 'Delivery latency against "
               f"delivered rate (127.0.0.1, {env.get('cpus', '?')} CPUs; gray line: 50 ms)'",
               "set logscale y", "set logscale x", "set grid",
               "set xlabel 'deliveries per second'", "set ylabel 'latency, ms'",
               "set key top left",
               f"set arrow from graph 0, first {TARGET_P99_MS} to graph 1, first {TARGET_P99_MS} "
               "nohead dt 2 lc rgb 'gray'"]
        for scenario, series in panels:
            gp.append(f"set title '{titles[scenario]}'")
            plots = []
            for server, path in series:
                name, color, pt99, pt50 = styles[server]
                plots.append(f"'{path}' using 1:3 with linespoints lw 2 pt {pt99} "
                             f"lc rgb '{color}' title '{name} p99'")
                plots.append(f"'{path}' using 1:2 with linespoints lw 1 pt {pt50} dt 2 "
                             f"lc rgb '{color}' title '{name} p50'")
            gp.append("plot " + ", ".join(plots))
        gp.append("unset multiplot")
    else:
        gp += ["unset border", "unset tics", "set label 'no rate scenario ran' at 0,0 center",
               "plot [-1:1][-1:1] NaN notitle"]
    with open(os.path.join(folder, "latency.gp"), "w") as f:
        f.write("\n".join(gp) + "\n")

    print("\n".join(md[:len(rows) + 6]))


if __name__ == "__main__":
    main()
