//! Lane layout: which rows the timeline has, in what order, and which of them are on screen.
//!
//! Goroutines started by the same function under the same name (`worker 1` … `worker N`) form
//! a [`Group`], placed where its first member was created. A group of one is a plain lane. A
//! larger group gets a header row; expanded, its members follow the header; collapsed, the
//! header alone stands for all of them, drawn as their aggregate (see [`super::aggregate`]).
//! Groups of more than [`COLLAPSE_OVER`] start collapsed, so 10,000 goroutines make a handful
//! of rows until the reader opens one.
//!
//! Only the rows in the scrolled window are drawn ([`Layout::visible`]): expanding a group of
//! 10,000 costs 10,000 row records, not 10,000 drawn lanes.
//!
//! # Invariants
//! - Rows are in order of `y`, touching: `rows[i].y + rows[i].height == rows[i + 1].y`.
//! - Every goroutine is in exactly one group; a member row appears only under its expanded
//!   group's header.

use std::collections::BTreeSet;
use std::ops::Range;

use super::data::TraceData;
use crate::rt::GoId;

/// Height of a goroutine's lane, and of a collapsed group's row.
pub const LANE_HEIGHT: f64 = 20.0;
/// Height of an expanded group's header.
pub const HEADER_HEIGHT: f64 = 16.0;
/// Groups larger than this start collapsed.
pub const COLLAPSE_OVER: usize = 8;
/// Rows drawn beyond each edge of the window, so a small scroll shows no gap.
pub const OVERSCAN: usize = 4;

/// Goroutines started by one function under one name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The label they share (index into [`TraceData::labels`]).
    pub label: u32,
    /// The name they share (`worker`).
    pub name: String,
    /// In order of creation.
    pub members: Vec<GoId>,
}

impl Group {
    pub fn is_single(&self) -> bool {
        self.members.len() == 1
    }

    /// Whether the group shows its members unless the reader toggled it.
    pub fn expanded_by_default(&self) -> bool {
        self.members.len() <= COLLAPSE_OVER
    }
}

/// What a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// One goroutine's lane.
    Lane(GoId),
    /// A group's header; collapsed, it draws the whole group.
    Group { group: usize, expanded: bool },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub y: f64,
    pub height: f64,
    /// Set for member rows of an expanded group (drawn indented).
    pub nested: bool,
}

/// The timeline's rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub groups: Vec<Group>,
    pub rows: Vec<Row>,
    pub height: f64,
}

/// Groups goroutines by label, in order of first creation.
pub fn groups(trace: &TraceData) -> Vec<Group> {
    let mut by_label: Vec<Option<usize>> = vec![None; trace.labels.len()];
    let mut groups: Vec<Group> = Vec::new();
    for g in 1..trace.goroutines.len() {
        let label = trace.goroutines[g].label;
        let slot = &mut by_label[label as usize];
        let i = *slot.get_or_insert_with(|| {
            groups.push(Group {
                label,
                name: trace.labels[label as usize].name.clone(),
                members: Vec::new(),
            });
            groups.len() - 1
        });
        groups[i].members.push(g as GoId);
    }
    groups
}

impl Layout {
    /// The rows of `groups`; a group whose label is in `toggled` is the other way round from
    /// its default (collapsed instead of expanded, or the reverse).
    pub fn new(groups: Vec<Group>, toggled: &BTreeSet<u32>) -> Self {
        let mut rows = Vec::new();
        let mut y = 0.0;
        let mut push = |rows: &mut Vec<Row>, kind, height, nested| {
            rows.push(Row {
                kind,
                y,
                height,
                nested,
            });
            y += height;
        };
        for (i, group) in groups.iter().enumerate() {
            if group.is_single() {
                push(
                    &mut rows,
                    RowKind::Lane(group.members[0]),
                    LANE_HEIGHT,
                    false,
                );
                continue;
            }
            let expanded = group.expanded_by_default() != toggled.contains(&group.label);
            let kind = RowKind::Group { group: i, expanded };
            if !expanded {
                push(&mut rows, kind, LANE_HEIGHT, false);
                continue;
            }
            push(&mut rows, kind, HEADER_HEIGHT, false);
            for &g in &group.members {
                push(&mut rows, RowKind::Lane(g), LANE_HEIGHT, true);
            }
        }
        Layout {
            groups,
            rows,
            height: y,
        }
    }

    /// The rows that overlap `[scroll_top, scroll_top + height)`, with [`OVERSCAN`] more on
    /// each side.
    pub fn visible(&self, scroll_top: f64, height: f64) -> Range<usize> {
        let a = self.rows.partition_point(|r| r.y + r.height <= scroll_top);
        let b = self.rows.partition_point(|r| r.y < scroll_top + height);
        a.saturating_sub(OVERSCAN)..(b + OVERSCAN).min(self.rows.len())
    }

    /// The row at `y`, if any.
    pub fn row_at(&self, y: f64) -> Option<usize> {
        let i = self.rows.partition_point(|r| r.y + r.height <= y);
        (i < self.rows.len() && self.rows[i].y <= y).then_some(i)
    }

    /// Where goroutine `g` is drawn: the row index of its own lane, or of its collapsed
    /// group's row. Indexed by Go id; entry 0 is `None`.
    pub fn row_of_goroutine(&self, goroutines: usize) -> Vec<Option<u32>> {
        let mut at = vec![None; goroutines];
        for (i, row) in self.rows.iter().enumerate() {
            match row.kind {
                RowKind::Lane(g) => {
                    if let Some(slot) = at.get_mut(g as usize) {
                        *slot = Some(i as u32);
                    }
                }
                RowKind::Group {
                    group,
                    expanded: false,
                } => {
                    for &g in &self.groups[group].members {
                        if let Some(slot) = at.get_mut(g as usize) {
                            *slot = Some(i as u32);
                        }
                    }
                }
                RowKind::Group { .. } => {}
            }
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::{tests::sample, LabelName};
    use super::*;
    use crate::rt::trace::GInfo;

    /// main, `worker 1..=n`, then `closer`.
    fn pool(n: u32) -> TraceData {
        let mut t = sample();
        t.labels.push(LabelName {
            name: "closer".into(),
            func: "main.closer".into(),
            line: 0,
        });
        t.goroutines.truncate(2);
        for i in 1..=n {
            t.goroutines.push(GInfo {
                label: 1,
                index: i,
                parent: 1,
                created_ns: 0,
            });
        }
        t.goroutines.push(GInfo {
            label: 2,
            index: u32::MAX,
            parent: 1,
            created_ns: 0,
        });
        t
    }

    #[test]
    fn goroutines_group_by_function_in_creation_order() {
        let g = groups(&pool(3));
        let names: Vec<_> = g
            .iter()
            .map(|g| (g.name.as_str(), g.members.len()))
            .collect();
        assert_eq!(names, [("main", 1), ("worker", 3), ("closer", 1)]);
    }

    #[test]
    fn small_groups_show_their_members() {
        let l = Layout::new(groups(&pool(3)), &BTreeSet::new());
        let kinds: Vec<_> = l.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Lane(1),
                RowKind::Group {
                    group: 1,
                    expanded: true
                },
                RowKind::Lane(2),
                RowKind::Lane(3),
                RowKind::Lane(4),
                RowKind::Lane(5),
            ]
        );
        assert_eq!(l.height, 5.0 * LANE_HEIGHT + HEADER_HEIGHT);
        for w in l.rows.windows(2) {
            assert_eq!(w[0].y + w[0].height, w[1].y);
        }
        assert!(l.rows[2].nested && !l.rows[5].nested);
    }

    #[test]
    fn large_groups_start_collapsed_and_toggle() {
        let t = pool(1000);
        let l = Layout::new(groups(&t), &BTreeSet::new());
        assert_eq!(l.rows.len(), 3);
        let at = l.row_of_goroutine(t.goroutines.len());
        assert_eq!(at[500], Some(1));
        assert_eq!(at[1002], Some(2));
        let open = Layout::new(groups(&t), &BTreeSet::from([1]));
        assert_eq!(open.rows.len(), 1003);
        assert_eq!(open.row_of_goroutine(t.goroutines.len())[500], Some(500));
    }

    #[test]
    fn only_rows_in_the_window_are_visible() {
        let l = Layout::new(groups(&pool(1000)), &BTreeSet::from([1]));
        // Rows: main (0..20), header (20..36), worker 1 at 36, worker 2 at 56, …
        let r = l.visible(36.0 + 100.0 * LANE_HEIGHT, 10.0 * LANE_HEIGHT);
        assert_eq!(r, (102 - OVERSCAN)..(112 + OVERSCAN));
        assert_eq!(l.visible(0.0, 50.0), 0..(3 + OVERSCAN));
        assert_eq!(l.row_at(25.0), Some(1));
        assert_eq!(l.row_at(1e9), None);
    }
}
