//! The one setting of the C allocator Entente changes: a fixed threshold
//! from which a block gets a mapping of its own.
//!
//! glibc starts that threshold at 128 KiB and raises it each time a larger
//! mapped block is freed, up to 32 MiB. After the job worker's first look
//! (what concerns a member, read from the whole plan), the next looks'
//! vectors of tens of megabytes therefore came from the heaps of the
//! threads' arenas, which keep their pages once the vectors are freed. With
//! a fixed threshold every block from 256 KiB is mapped on its own and
//! given back when freed. At a million actions, `entente serve` looking for
//! 17 members peaked at 143 MB instead of 265, and held 40 MB ten seconds
//! later instead of 220, for the same CPU time (bench/RESULTS.md,
//! bench/looks.sh).

/// Blocks from this size are mapped on their own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 256 * 1024;

/// Fixes the threshold, unless `MALLOC_MMAP_THRESHOLD_` already set it
/// (glibc reads that variable itself, and whoever set it wins). Called
/// first thing in `main`; does nothing where the C library is not glibc.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
        // SAFETY: `mallopt` only changes a parameter of the allocator,
        // under the allocator's own lock, and may be called at any time; a
        // parameter it refuses is left as it was (it returns 0).
        #[expect(unsafe_code, reason = "glibc's mallopt has no safe binding")]
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        }
    }
}
