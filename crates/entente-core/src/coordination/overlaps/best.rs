//! Keeping the best ranked overlaps while the sweep finds them, in memory
//! bounded by the number kept.

use std::collections::BinaryHeap;

use super::{Overlap, Overlaps};

/// The best overlaps seen so far: all of them, or a bounded heap whose top
/// is the worst kept, so millions of overlaps never sit in memory at once.
pub(super) struct Best {
    limit: Option<usize>,
    total: usize,
    kept: BinaryHeap<Ranked>,
}

impl Best {
    pub(super) fn new(limit: Option<usize>) -> Self {
        Best {
            limit,
            total: 0,
            kept: BinaryHeap::new(),
        }
    }

    pub(super) fn offer(&mut self, overlap: Overlap) {
        self.total += 1;
        match self.limit {
            Some(0) => {}
            Some(limit) if self.kept.len() >= limit => {
                if self
                    .kept
                    .peek()
                    .is_some_and(|worst| overlap.rank() < worst.0.rank())
                {
                    self.kept.pop();
                    self.kept.push(Ranked(overlap));
                }
            }
            _ => self.kept.push(Ranked(overlap)),
        }
    }

    /// Adds what `other` found, as if it had been offered here.
    pub(super) fn absorb(&mut self, other: Best) {
        let total = self.total + other.total;
        for Ranked(overlap) in other.kept {
            self.offer(overlap);
        }
        self.total = total;
    }

    pub(super) fn into_overlaps(self) -> Overlaps {
        Overlaps {
            total: self.total,
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
