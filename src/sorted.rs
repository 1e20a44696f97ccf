//! Sets of texts as sorted `Vec`s. One small function instead of `sort` + `dedup` (each element
//! type brings its own copy of the standard library's sort into the wasm) or a `HashSet`
//! (hashbrown and SipHash).

/// Inserts `item` where it sorts in `set` unless it is there already; says whether it was new.
pub fn insert(set: &mut Vec<String>, item: String) -> bool {
    match set.binary_search(&item) {
        Ok(_) => false,
        Err(at) => {
            set.insert(at, item);
            true
        }
    }
}

/// The items sorted, each once: what `sort()` then `dedup()` leave.
pub fn set(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut set = Vec::new();
    for item in items {
        insert(&mut set, item);
    }
    set
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_as_sort_and_dedup() {
        let items = ["b", "a", "c", "a", "", "B", "b", "a b"].map(String::from);
        let mut want = items.to_vec();
        want.sort();
        want.dedup();
        assert_eq!(super::set(items), want);
        let mut s = vec![];
        assert!(super::insert(&mut s, "x".into()));
        assert!(!super::insert(&mut s, "x".into()));
    }
}
