//! `errgroup`: health checks where the first error cancels the rest.

use serde::{Deserialize, Serialize};

use super::template::go_quote;
use super::{Main, Notice, ParamSpec, Params};
use crate::rt::{self, after, background, errgroup, ms, Context, Error};
use crate::select;

pattern! {
    pub static PATTERN;
    id: "errgroup",
    title: "errgroup: first error cancels",
    group: Patterns,
    params: PARAMS,
    source: include_str!("go/errgroup.go"),
    explanation: "errgroup.WithContext runs each check in its own goroutine; the first one to \
        return an error cancels the group's context, so the checks still waiting give up at \
        once, and Wait returns that first error. Give every endpoint a status below 500 to see \
        all succeed; set limit to run the checks a few at a time.",
    extra: |p, _| vec![("endpoint_list", endpoint_list(&endpoints(p)))],
    check: check,
    goroutines: [],
    errgroup: [check_endpoint],
}

const PARAMS: &[ParamSpec] = &[
    ParamSpec::list(
        "endpoints",
        "Endpoints",
        (1000, 200),
        "a:100:200,b:150:503,c:300:200",
        "name:latency_ms:status entries, comma-separated.",
    ),
    ParamSpec::int(
        "limit",
        "Limit",
        (0, 1024),
        "0",
        "",
        "g.SetLimit: checks at a time (0: no limit).",
    ),
];

/// One endpoint to check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub name: String,
    pub latency_ms: u64,
    pub status: u16,
}

/// Parses a `name:latency_ms:status` entry.
fn parse_endpoint(entry: &str) -> Result<Endpoint, String> {
    let mut parts = entry.rsplitn(3, ':');
    let (status, latency, name) = (parts.next(), parts.next(), parts.next());
    let (Some(status), Some(latency), Some(name)) = (status, latency, name) else {
        return Err("is not name:latency_ms:status".to_string());
    };
    if name.is_empty() {
        return Err("has an empty name".to_string());
    }
    let latency_ms = latency
        .parse::<u64>()
        .ok()
        .filter(|l| *l <= 60_000)
        .ok_or_else(|| format!("has latency `{latency}`, not a whole number of ms in 0–60000"))?;
    let status = status
        .parse::<u16>()
        .ok()
        .filter(|s| (100..=599).contains(s))
        .ok_or_else(|| format!("has status `{status}`, not an HTTP status in 100–599"))?;
    Ok(Endpoint {
        name: name.to_string(),
        latency_ms,
        status,
    })
}

/// Drops malformed entries, with a notice naming each.
fn check(mut params: Params) -> (Params, Vec<Notice>) {
    let mut notices = Vec::new();
    let kept: Vec<String> = params
        .list("endpoints")
        .iter()
        .filter(|entry| match parse_endpoint(entry) {
            Ok(_) => true,
            Err(why) => {
                notices.push(Notice::at(
                    "endpoints",
                    format!("endpoints: entry `{entry}` {why}; left out"),
                ));
                false
            }
        })
        .cloned()
        .collect();
    if !notices.is_empty() {
        params.set("endpoints", &kept.join(","));
    }
    (params, notices)
}

fn endpoints(p: &Params) -> Vec<Endpoint> {
    p.list("endpoints")
        .iter()
        .filter_map(|e| parse_endpoint(e).ok())
        .collect()
}

/// The endpoints as Go composite-literal elements.
fn endpoint_list(endpoints: &[Endpoint]) -> String {
    endpoints
        .iter()
        .map(|e| {
            format!(
                "{{name: {}, latency: {} * time.Millisecond, status: {}}}",
                go_quote(&e.name),
                e.latency_ms,
                e.status
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn start(p: &Params, _seed: u64) -> Main {
    Box::pin(program(endpoints(p), p.int("limit")))
}

/// Waits for the endpoint's answer, or gives up when ctx is cancelled.
async fn check_endpoint(ctx: Context, e: Endpoint) -> Result<(), Error> {
    let mut cancelled = None;
    select! {
        recv(after(ms(e.latency_ms))) => {},
        recv(ctx.done()) => { cancelled = ctx.err().await; },
    }
    if let Some(err) = cancelled {
        return Err(err);
    }
    if e.status >= 500 {
        return Err(Error::new(format!(
            "https://{}.example returned {}",
            e.name, e.status
        )));
    }
    rt::println(format!("https://{}.example OK ({})", e.name, e.status));
    Ok(())
}

async fn program(endpoints: Vec<Endpoint>, limit: i64) {
    let (g, ctx) = errgroup::with_context(background());
    if limit > 0 {
        g.set_limit(limit).await;
    }
    for e in endpoints {
        g.go(check_endpoint, (ctx, e)).await;
    }

    match g.wait().await {
        Err(err) => rt::println(format!("health check failed: {err}")),
        Ok(()) => rt::println("all endpoints healthy"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_entries_are_named_and_left_out() {
        let (p, notices) =
            PATTERN.parse_params([("endpoints", "a:1:200,bad,c:x:200,d:5:999,:1:200")]);
        assert_eq!(p.list("endpoints"), ["a:1:200"]);
        assert_eq!(notices.len(), 4);
        assert!(notices[0].text.contains("`bad`"), "{}", notices[0]);
        assert!(notices[1].text.contains("latency `x`"), "{}", notices[1]);
    }

    #[test]
    fn names_may_hold_any_text() {
        let e = parse_endpoint("wörld \"x\":10:200").unwrap();
        assert_eq!(e.name, "wörld \"x\"");
        assert_eq!(
            endpoint_list(&[e]),
            "{name: \"wörld \\\"x\\\"\", latency: 10 * time.Millisecond, status: 200}"
        );
    }
}
