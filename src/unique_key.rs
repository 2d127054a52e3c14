//! Numbers unique on the page, for keys of rows and the element ids derived from them. One
//! counter serves every screen, so ids stay unique even when several forms are mounted at
//! once (as in the browser tests).

use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_KEY: AtomicU64 = AtomicU64::new(1);

/// A number no earlier call returned.
pub fn unique_key() -> u64 {
    NEXT_KEY.fetch_add(1, Ordering::Relaxed)
}
