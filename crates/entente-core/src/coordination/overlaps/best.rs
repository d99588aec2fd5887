//! Keeping the best ranked overlaps while the sweep finds them, in memory
//! bounded by the number kept.

use std::collections::BinaryHeap;

use super::{Overlap, Overlaps, Rank};

/// The best overlaps seen so far: all of them, or a bounded heap whose top
/// is the worst kept, so millions of overlaps never sit in memory at once.
/// How many there are in all is counted elsewhere (see `count`): the sweep
/// that fills this does not meet every pair.
pub(super) struct Best {
    limit: Option<usize>,
    kept: BinaryHeap<Ranked>,
}

impl Best {
    pub(super) fn new(limit: Option<usize>) -> Self {
        Best {
            limit,
            kept: BinaryHeap::new(),
        }
    }

    /// Whether an overlap of this rank would be kept if it were offered.
    pub(super) fn would_keep(&self, rank: &Rank) -> bool {
        match self.limit {
            None => true,
            Some(limit) if self.kept.len() < limit => true,
            Some(_) => self.kept.peek().is_some_and(|worst| *rank < worst.0.rank()),
        }
    }

    /// The days apart and gain of the worst kept once as many are kept as
    /// asked: what an overlap must at least match to be kept; `None` while
    /// any overlap would be.
    pub(super) fn bar(&self) -> Option<(u32, u32)> {
        match self.limit {
            Some(limit) if self.kept.len() >= limit => Some(
                self.kept
                    .peek()
                    .map_or((0, u32::MAX), |worst| (worst.0.days_apart, worst.0.gain)),
            ),
            _ => None,
        }
    }

    pub(super) fn offer(&mut self, overlap: Overlap) {
        if !self.would_keep(&overlap.rank()) {
            return;
        }
        if self.limit.is_some_and(|limit| self.kept.len() >= limit) {
            self.kept.pop();
        }
        self.kept.push(Ranked(overlap));
    }

    /// Adds what `other` kept, as if it had been offered here.
    pub(super) fn absorb(&mut self, other: Best) {
        for Ranked(overlap) in other.kept {
            self.offer(overlap);
        }
    }

    /// The kept overlaps, best first, with the total counted apart.
    pub(super) fn into_overlaps(self, total: usize) -> Overlaps {
        Overlaps {
            total,
            ranked: self
                .kept
                .into_sorted_vec()
                .into_iter()
                .map(|r| r.0)
                .collect(),
        }
    }
}

/// An overlap ordered by its rank, the worst greatest.
struct Ranked(Overlap);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.0.rank() == other.0.rank()
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.rank().cmp(&other.0.rank())
    }
}
