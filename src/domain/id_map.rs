//! Values keyed by an id (answers by item or question id, stored entries by key), written in
//! files as a JSON object.
//!
//! A vector of pairs rather than a `BTreeMap`: there are tens of keys, so a linear look-up is as
//! fast, and the browser build is spared the B-tree code (about 7 KB gzipped, measured).

use serde::ser::{Serialize, SerializeMap, Serializer};

#[derive(Debug, Clone)]
pub struct IdMap<V>(Vec<(String, V)>);

/// Equal when they hold the same ids with equal values, in whatever order: a file read back
/// lists its ids in another order than the one they were given in.
impl<V: PartialEq> PartialEq for IdMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(id, value)| other.get(id) == Some(value))
    }
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<V> IdMap<V> {
    pub fn get(&self, id: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    /// The value for `id`, created with `V::default()` when absent.
    pub fn entry(&mut self, id: &str) -> &mut V
    where
        V: Default,
    {
        let index = match self.0.iter().position(|(k, _)| k == id) {
            Some(index) => index,
            None => {
                self.0.push((id.to_string(), V::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[index].1
    }

    /// Sets the value for `id`, replacing any earlier one.
    pub fn insert(&mut self, id: &str, value: V) {
        match self.0.iter_mut().find(|(k, _)| k == id) {
            Some((_, v)) => *v = value,
            None => self.0.push((id.to_string(), value)),
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.0.retain(|(k, _)| k != id);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// From (id, value) pairs in order; a repeated id keeps its last value, as JSON readers do.
impl<V> From<Vec<(String, V)>> for IdMap<V> {
    fn from(pairs: Vec<(String, V)>) -> Self {
        let mut map = IdMap::default();
        for (id, value) in pairs {
            map.insert(&id, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        let map = IdMap::from(vec![("a".to_string(), 1), ("b".to_string(), 2), ("a".to_string(), 3)]);
        assert_eq!(map.get("a"), Some(&3));
        assert_eq!(map.len(), 2);
    }

    proptest! {
        #[test]
        fn behaves_like_a_map_and_round_trips(ops in prop::collection::vec((0u8..6, prop::option::of(0u8..50)), 0..40)) {
            let mut ours: IdMap<u8> = IdMap::default();
            let mut model = std::collections::BTreeMap::new();
            for (key, value) in ops {
                let key = format!("k{key}");
                match value {
                    Some(v) => { ours.insert(&key, v); model.insert(key, v); }
                    None => { ours.remove(&key); model.remove(&key); }
                }
            }
            prop_assert_eq!(ours.len(), model.len());
            for (k, v) in &model {
                prop_assert_eq!(ours.get(k), Some(v));
            }
            let json: serde_json::Value = serde_json::to_value(&ours).unwrap();
            let pairs: Vec<(String, u8)> = json.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap() as u8)).collect();
            let back = IdMap::from(pairs);
            prop_assert_eq!(back.len(), ours.len());
            for (k, v) in ours.iter() {
                prop_assert_eq!(back.get(k), Some(v));
            }
        }
    }
}
