//! The trace as Chrome Trace Event JSON, which Perfetto (ui.perfetto.dev) and chrome://tracing
//! open: what the timeline shows, exported from the page.
//!
//! Process 1 holds a thread per goroutine, named as its lane, with a complete (`X`) event per
//! state span as the timeline draws it (CPU work split from waiting for a processor), instant
//! events for the instants it ran and for its output, and a flow arrow (`s` → `f`) from each
//! send to its receive. Process 2 holds a thread per processor with its CPU work. Times are µs
//! (the format's unit) with ns precision.
//!
//! Every goroutine has at least its `thread_name` metadata event, even one that never changed
//! state, so the export always names every goroutine of the run.

use std::fmt::Write as _;

use super::data::TraceData;
use super::spans::Timeline;
use super::state::State;
use crate::rt::OutputLine;

/// `trace` and its `timeline` (built from it) as Chrome Trace Event JSON; `output` gives the
/// text of the output events.
pub fn to_chrome_json(trace: &TraceData, timeline: &Timeline, output: &[OutputLine]) -> String {
    let mut j = Json {
        out: String::with_capacity(256 + trace.events.len() * 80),
        first: true,
    };
    j.out
        .push_str("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[");
    j.event(format_args!(
        "{{\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{{\"name\":\"goroutines\"}}}}"
    ));
    j.event(format_args!(
        "{{\"ph\":\"M\",\"pid\":2,\"name\":\"process_name\",\"args\":{{\"name\":\"processors\"}}}}"
    ));
    for g in 1..trace.goroutines.len() {
        let name = json_string(&format!("{} (g{g})", trace.name(g as u32)));
        j.event(format_args!(
            "{{\"ph\":\"M\",\"pid\":1,\"tid\":{g},\"name\":\"thread_name\",\"args\":{{\"name\":{name}}}}}"
        ));
        j.event(format_args!(
            "{{\"ph\":\"M\",\"pid\":1,\"tid\":{g},\"name\":\"thread_sort_index\",\"args\":{{\"sort_index\":{g}}}}}"
        ));
    }
    for p in 0..timeline.procs.len() {
        j.event(format_args!(
            "{{\"ph\":\"M\",\"pid\":2,\"tid\":{p},\"name\":\"thread_name\",\"args\":{{\"name\":\"P{p}\"}}}}"
        ));
    }
    for (g, lane) in timeline.lanes.iter().enumerate() {
        for s in &lane.spans {
            let obj = match s.state {
                State::Executor => format!(",\"args\":{{\"executor\":{}}}", s.obj),
                State::Cpu => String::new(),
                _ if s.obj != 0 => format!(",\"args\":{{\"ch\":{}}}", s.obj),
                _ => String::new(),
            };
            j.event(format_args!(
                "{{\"ph\":\"X\",\"pid\":1,\"tid\":{g},\"name\":\"{}\",\"ts\":{},\"dur\":{}{obj}}}",
                s.state.label(),
                Us(s.start),
                Us(s.duration())
            ));
        }
        for &m in &lane.marks {
            j.event(format_args!(
                "{{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":{g},\"name\":\"ran\",\"ts\":{}}}",
                Us(m)
            ));
        }
    }
    for a in &timeline.arrows {
        let id = ((a.chan as u64) << 32) | a.seq as u64;
        let chan = json_string(&trace.chan_name(a.chan));
        j.event(format_args!(
            "{{\"ph\":\"s\",\"pid\":1,\"tid\":{},\"name\":{chan},\"cat\":\"chan\",\"id\":{id},\"ts\":{}}}",
            a.send_g,
            Us(a.send_t)
        ));
        j.event(format_args!(
            "{{\"ph\":\"f\",\"bp\":\"e\",\"pid\":1,\"tid\":{},\"name\":{chan},\"cat\":\"chan\",\"id\":{id},\"ts\":{}}}",
            a.recv_g,
            Us(a.recv_t)
        ));
    }
    for line in output {
        let text = json_string(&line.text);
        let tid = if line.g == 0 { 1 } else { line.g };
        j.event(format_args!(
            "{{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":{tid},\"name\":\"print\",\"ts\":{},\"args\":{{\"text\":{text}}}}}",
            Us(line.t_ns)
        ));
    }
    for (p, spans) in timeline.procs.iter().enumerate() {
        for s in spans {
            let name = json_string(&trace.name(s.g));
            j.event(format_args!(
                "{{\"ph\":\"X\",\"pid\":2,\"tid\":{p},\"name\":{name},\"ts\":{},\"dur\":{},\"args\":{{\"g\":{}}}}}",
                Us(s.start),
                Us(s.end - s.start),
                s.g
            ));
        }
    }
    j.out.push_str("]}");
    j.out
}

/// ns written as µs with three decimals, exactly (no float rounding).
struct Us(u64);

impl std::fmt::Display for Us {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (us, ns) = (self.0 / 1000, self.0 % 1000);
        if ns == 0 {
            write!(f, "{us}")
        } else {
            write!(f, "{us}.{ns:03}")
        }
    }
}

struct Json {
    out: String,
    first: bool,
}

impl Json {
    fn event(&mut self, e: std::fmt::Arguments) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        let _ = self.out.write_fmt(e);
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

#[cfg(test)]
mod tests {
    use super::super::data::tests::sample;
    use super::*;
    use crate::rt::Stream;

    #[test]
    fn every_goroutine_is_named_and_the_json_parses() {
        let t = sample();
        let tl = Timeline::build(&t);
        let out = [OutputLine {
            text: "done \"now\"".into(),
            t_ns: 10,
            g: 1,
            stream: Stream::Stdout,
            no_newline: false,
        }];
        let json = to_chrome_json(&t, &tl, &out);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let events = v["traceEvents"].as_array().unwrap();
        for g in 1..=2u64 {
            assert!(events
                .iter()
                .any(|e| e["tid"] == g && e["pid"] == 1 && e["name"] == "thread_name"));
        }
        let names: Vec<_> = events
            .iter()
            .filter(|e| e["name"] == "thread_name" && e["pid"] == 1)
            .map(|e| e["args"]["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(names, ["main (g1)", "worker 1 (g2)"]);
        let recv = events
            .iter()
            .find(|e| e["name"] == "blocked on receive")
            .unwrap();
        assert_eq!(recv["dur"], 0.01);
        assert!(events.iter().any(|e| e["ph"] == "s"));
        assert!(events.iter().any(|e| e["args"]["text"] == "done \"now\""));
    }

    #[test]
    fn microseconds_keep_nanoseconds() {
        assert_eq!(Us(0).to_string(), "0");
        assert_eq!(Us(1_500).to_string(), "1.500");
        assert_eq!(Us(7).to_string(), "0.007");
        assert_eq!(Us(2_000_000).to_string(), "2000");
    }
}
