//! Real mode's program, until interpreted goroutines run on real mode's executors: the Rust
//! program the catalog keeps beside each pattern's Go source. This is the one place that
//! decides it, for the hub and for every executor.
//!
//! The run request carries the source the page shows; real mode runs the pattern's Rust
//! program only when that source is exactly the pattern's, rendered with the request's
//! parameters and seed, so the program that runs is the program the user reads. An edited
//! source is refused with a message that offers sim mode, where the interpreter runs it.

use crate::patterns::{self, Params, Pattern};
use crate::protocol::RunRequest;
use crate::view::page_config::MAX_PROCS;

/// The pattern, parameters and processors of real-mode request `req`, checked again here,
/// or why real mode cannot run it.
pub fn resolve(req: &RunRequest) -> Result<(&'static Pattern, Params, u32), String> {
    let pattern = patterns::find(&req.pattern)
        .or_else(|| patterns::bench::find(&req.pattern))
        .ok_or_else(|| format!("there is no pattern `{}`", req.pattern))?;
    // The page already showed notices for these; here they only make the values safe.
    let (params, _notices) =
        pattern.parse_params(req.params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if pattern.go_source(&params, req.seed) != req.source {
        return Err(format!(
            "real mode runs the catalog's programs as they are written, and this {} program \
             was edited: run it in sim mode",
            pattern.id
        ));
    }
    Ok((pattern, params, req.procs.clamp(1, MAX_PROCS)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Mode;

    fn request(pattern: &str, params: &[(&str, &str)], source: Option<&str>) -> RunRequest {
        let p = patterns::find(pattern)
            .or_else(|| patterns::bench::find(pattern))
            .expect("a pattern");
        let pairs = params.iter().copied();
        let (parsed, _) = p.parse_params(pairs);
        RunRequest {
            pattern: pattern.to_string(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            source: source.map_or_else(|| p.go_source(&parsed, 7), str::to_string),
            mode: Mode::Real,
            seed: 7,
            procs: 40,
        }
    }

    #[test]
    fn a_patterns_own_source_runs_its_program() {
        let (pattern, params, procs) =
            resolve(&request("worker-pool", &[("workers", "3")], None)).expect("runs");
        assert_eq!(pattern.id, "worker-pool");
        assert_eq!(params.int("workers"), 3);
        assert_eq!(procs, MAX_PROCS);
        assert!(resolve(&request("bench-pairs", &[], None)).is_ok());
    }

    #[test]
    fn an_edited_source_is_refused_with_sim_mode_offered() {
        let why = resolve(&request("worker-pool", &[], Some("package main\n")))
            .err()
            .expect("refused");
        assert!(why.contains("was edited: run it in sim mode"), "{why}");
        // Another pattern's parameters render another source: refused as well.
        let mut req = request("worker-pool", &[("workers", "3")], None);
        req.params = vec![("workers".into(), "4".into())];
        assert!(resolve(&req).is_err());
    }

    #[test]
    fn an_unknown_pattern_is_named() {
        let mut req = request("worker-pool", &[], None);
        req.pattern = "<nope>".into();
        assert_eq!(
            resolve(&req).err().as_deref(),
            Some("there is no pattern `<nope>`")
        );
    }
}
