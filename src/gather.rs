//! Iterators collected into a `Vec` by one plain loop.
//!
//! `collect()` into a `Vec` compiles, for every iterator type it is called on, the standard
//! library's specialised paths: an exact-size one (`extend_trusted` and a `fold`) and another
//! that takes the first item apart, then grows in a second loop (`extend_desugared`). The core
//! collects about a hundred iterator types, and that was 13 KB of the module (2.2 KB
//! gzipped, issue 17). Its lists are short (a page's fields, a credential's scopes), so pushing
//! one item at a time costs nothing measurable (sized by `size_hint` first, the module was
//! 482 bytes larger gzipped).

/// `gather()`: the items in a `Vec`, as `collect::<Vec<_>>()` gives them.
pub trait Gather: Iterator + Sized {
    fn gather(self) -> Vec<Self::Item> {
        let mut out = Vec::new();
        for item in self {
            out.push(item);
        }
        out
    }
}

impl<I: Iterator> Gather for I {}

#[cfg(test)]
mod tests {
    use super::Gather;

    #[test]
    fn the_same_items_in_the_same_order_as_collect() {
        let words = ["tenant", "client code", "", "scopes"];
        let kept = |w: &&&str| !w.is_empty();
        assert_eq!(
            words.iter().filter(kept).gather(),
            words.iter().filter(kept).collect::<Vec<_>>()
        );
        assert_eq!(
            (0..1000).map(|i| i * 7).gather(),
            (0..1000).map(|i| i * 7).collect::<Vec<_>>()
        );
        assert!(std::iter::empty::<u8>().gather().is_empty());
    }
}
