//! Sizes in words, with integer arithmetic only (float formatting costs download size).

/// "512 bytes", "894 KB", "1.5 MB", "10.0 GB".
pub fn size_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * 1024 * 1024;
    if bytes >= GB {
        let tenths = bytes.saturating_mul(10).saturating_add(GB / 2) / GB;
        format!("{}.{} GB", tenths / 10, tenths % 10)
    } else if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Milliseconds with three decimals from microseconds: 1234 -> "1.234".
pub fn millis_from_micros(us: u64) -> String {
    format!("{}.{:03}", us / 1000, us % 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(size_words(12), "12 bytes");
        assert_eq!(size_words(915_000), "894 KB");
        assert_eq!(size_words(1_572_864), "1.5 MB");
        assert_eq!(size_words(10 * 1024 * 1024), "10.0 MB");
        assert_eq!(size_words(10_738_163_302), "10.0 GB");
        assert_eq!(millis_from_micros(1234), "1.234");
        assert_eq!(millis_from_micros(5), "0.005");
    }
}
