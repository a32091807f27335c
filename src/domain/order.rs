//! One small sort for the whole app.
//!
//! Why not the standard library's sort: each type it sorts gets its own copy of a large,
//! fast routine (about 2–3 KB of WebAssembly each, four of them in the app), and the
//! first-load budget is 250 KB. The lists sorted here are short (a day's meetings, slips,
//! ids when a plan is checked), so a heap sort, a few hundred bytes a type and never worse
//! than n·log n, is enough. Not stable: callers that care break ties themselves.

/// Sorts `v` in place so that no element is `less` than the one before it.
pub fn sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    // Sift the element at `root` down the heap held in v[..end].
    let sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift(v, start, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// Sorts `v` in place, smallest first.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_library(mut v in proptest::collection::vec(any::<i16>(), 0..200)) {
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn sorts_pairs_by_a_key(mut v in proptest::collection::vec((0u8..5, any::<u32>()), 0..100)) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by(&mut v, |a, b| a.0 < b.0);
            let keys: Vec<u8> = v.iter().map(|p| p.0).collect();
            let want: Vec<u8> = expected.iter().map(|p| p.0).collect();
            prop_assert_eq!(keys, want);
            // Same elements, whatever their order among equal keys.
            v.sort();
            expected.sort();
            prop_assert_eq!(v, expected);
        }
    }
}
