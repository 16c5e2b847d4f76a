//! What travels between real mode's workers: values ([`Data`]), the operations executors ask
//! of the hub ([`ToHub`]) and what the hub tells executors ([`ToExecutor`]).
//!
//! These are plain Rust values; the host that carries them between workers chooses their
//! encoding (`crate::protocol`). A value crosses in one representation, [`Data`], made where
//! it leaves typed code (a send's value, a goroutine's arguments) and read where it enters
//! typed code again (a receive, the goroutine's start); nothing else looks inside it, so
//! another encoding changes this file only.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::Op;
use crate::rt::goroutine::{GoId, Label};

/// A value between workers: an element of a channel, a shared variable's value, an answer,
/// a goroutine's arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Data(serde_json::Value);

impl Data {
    /// `value`, encoded (the values of a run are plain data: this cannot fail for them).
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Data {
        Data(serde_json::to_value(value).unwrap_or_default())
    }

    /// The answer of an operation that answers nothing.
    pub fn none() -> Data {
        Data::default()
    }

    /// The value as a `T`, or why it is not one.
    pub fn read<T: DeserializeOwned>(self) -> Result<T, String> {
        serde_json::from_value(self.0).map_err(|e| e.to_string())
    }
}

/// How a goroutine started elsewhere is named, as [`Label`] says it, by value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    pub func: String,
    pub name: Option<String>,
    pub index: Option<u32>,
}

impl Name {
    pub(crate) fn of(label: &Label) -> Name {
        Name {
            func: label.func.to_string(),
            name: label.name.map(str::to_string),
            index: label.index,
        }
    }
}

/// How an executor makes a goroutine's future: a new way to start goroutines is a new case
/// here, made by the code that starts them and read by the driver.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Start {
    /// The program's main goroutine (the host knows the program).
    Main,
    /// A function that captures nothing, by its entry, and its arguments.
    Entry { entry: Entry, args: Data },
}

/// `go f(args)` asked of the hub: the goroutine's name and how to start it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spawn {
    pub name: Name,
    pub start: Start,
}

/// An operation of goroutine `g`, and whether `g` waits for its answer. It crosses as a
/// triple, `[g, op, answer]`: the most frequent message, kept short.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub g: GoId,
    pub op: Op,
    pub answer: bool,
}

impl Serialize for Asked {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.g, &self.op, self.answer).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Asked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (g, op, answer) = <(GoId, Op, bool)>::deserialize(d)?;
        Ok(Asked { g, op, answer })
    }
}

/// One executor's message to the hub: its goroutines' operations, in the order they were
/// asked.
pub type ToHub = Vec<Asked>;

/// What the hub tells an executor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToExecutor {
    /// Run goroutine `g`, made by `start`.
    Start { g: GoId, start: Start },
    /// The answer to goroutine `g`'s operation.
    Answer { g: GoId, value: Data },
    /// Writes to the program's shared memory, first in a message (see [`super::memory`]).
    Memory { writes: Data },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::chan::ChanOp;

    #[test]
    fn an_operation_crosses_as_a_short_triple_and_back() {
        let asked = Asked {
            g: 2,
            op: ChanOp::Send {
                chan: 5,
                value: Data::of(&3),
            }
            .into(),
            answer: false,
        };
        let text = serde_json::to_string(&asked).expect("encodes");
        assert_eq!(text, r#"[2,{"Chan":{"Send":{"chan":5,"value":3}}},false]"#);
        assert_eq!(
            serde_json::from_str::<Asked>(&text).expect("decodes"),
            asked
        );
        assert_eq!(Data::of(&(true, 7)).read::<(bool, i32)>(), Ok((true, 7)));
    }
}
