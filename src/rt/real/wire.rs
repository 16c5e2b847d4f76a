//! What travels between real mode's workers: values ([`Data`]), the operations executors ask
//! of the hub ([`ToHub`]) and what the hub tells executors ([`ToExecutor`]).
//!
//! These are plain Rust values, and [`encode`] and [`decode`] are their binary form, which
//! the host carries between workers (`crate::runner::real_host`): serde's data model in
//! bincode's compact layout (variable-length integers), so a field or a case added to these
//! types crosses with them. A value crosses in one representation, [`Data`], made where it leaves
//! typed code (a send's value, a goroutine's arguments) and read where it enters typed code
//! again (a receive, the goroutine's start): the value's own bytes in the same encoding;
//! nothing else looks inside it, so another encoding changes this file only.

use std::any::{Any, TypeId};

use bincode::Options;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::Op;
use crate::rt::goroutine::{GoId, Label};

/// A value between workers: an element of a channel, a shared variable's value, an answer,
/// a goroutine's arguments.
#[derive(Clone, Default, PartialEq)]
pub struct Data(Bytes);

/// Bytes a [`Data`] holds without an allocation: a number, a flag, a short string.
const INLINE: usize = 22;

/// A value's bytes: in place when they are few (most values), else on the heap. Every value
/// that crosses is made and read once at least, so this spares two allocations an operation.
#[derive(Clone)]
enum Bytes {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Vec<u8>),
}

impl Bytes {
    fn of(slice: &[u8]) -> Bytes {
        if slice.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..slice.len()].copy_from_slice(slice);
            return Bytes::Inline {
                len: slice.len() as u8,
                bytes,
            };
        }
        Bytes::Heap(slice.to_vec())
    }

    fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Inline { len, bytes } => &bytes[..*len as usize],
            Bytes::Heap(v) => v,
        }
    }
}

impl Default for Bytes {
    fn default() -> Self {
        Bytes::of(&[])
    }
}

impl PartialEq for Bytes {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl std::fmt::Debug for Data {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Data{:?}", self.0.as_slice())
    }
}

/// The encoding of everything that crosses between real mode's workers.
fn codec() -> impl Options {
    bincode::DefaultOptions::new()
}

/// `value` in the encoding that crosses between workers.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    // The values of a run are plain data: encoding cannot fail for them.
    codec().serialize(value).unwrap_or_default()
}

/// A value [`encode`] made, or why `bytes` are not one.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    codec().deserialize(bytes).map_err(|e| e.to_string())
}

impl Data {
    /// `value`, encoded (the values of a run are plain data: this cannot fail for them); a
    /// `Data` is itself, so a value the hub holds as it crossed goes on as it came.
    pub fn of<T: Serialize + 'static>(value: &T) -> Data {
        if let Some(data) = (value as &dyn Any).downcast_ref::<Data>() {
            return data.clone();
        }
        let mut bytes = [0; INLINE];
        let mut room = &mut bytes[..];
        match codec().serialize_into(&mut room, value) {
            Ok(()) => {
                let len = INLINE - room.len();
                Data(Bytes::of(&bytes[..len]))
            }
            // Too long to hold in place.
            Err(_) => Data(Bytes::Heap(encode(value))),
        }
    }

    /// `value`, encoded, for a value that borrows what it holds (which a `Data` never does:
    /// [`Data::of`] is the one that passes a `Data` on as it is).
    pub fn of_borrowed<T: Serialize + ?Sized>(value: &T) -> Data {
        Data(Bytes::of(&encode(value)))
    }

    /// The answer of an operation that answers nothing.
    pub fn none() -> Data {
        Data::default()
    }

    /// The value as a `T`, or why it is not one; as a `Data`, itself.
    pub fn read<T: DeserializeOwned + 'static>(self) -> Result<T, String> {
        if TypeId::of::<T>() == TypeId::of::<Data>() {
            let data: Box<dyn Any> = Box::new(self);
            return Ok(*data.downcast::<T>().expect("T is Data"));
        }
        decode(self.0.as_slice())
    }
}

impl Serialize for Data {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0.as_slice())
    }
}

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Data;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value's bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Data, E> {
                Ok(Data(Bytes::of(v)))
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Data, E> {
                Ok(Data(match v.len() {
                    0..=INLINE => Bytes::of(&v),
                    _ => Bytes::Heap(v),
                }))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Data, A::Error> {
                let mut bytes = Vec::new();
                while let Some(b) = seq.next_element()? {
                    bytes.push(b);
                }
                Ok(Data(Bytes::of(&bytes)))
            }
        }
        d.deserialize_bytes(Visit)
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

/// How a worker makes a goroutine's future: a new way to start goroutines is a new case
/// here, made by the code that starts them and read by [`Entries::make`](super::Entries).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Start {
    /// A function that captures nothing, by its entry, and its arguments.
    Entry { entry: Entry, args: Data },
}

/// `go f(args)` asked of the hub: the goroutine's name and how to start it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spawn {
    pub name: Name,
    pub start: Start,
}

/// An operation of goroutine `g`, and how `g` goes on. It crosses as a triple,
/// `[g, op, reply]`: the most frequent message, kept short.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub g: GoId,
    pub op: Op,
    pub reply: Reply,
}

/// How the goroutine that asked an operation goes on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// At once: the operation answers nothing (it is pipelined).
    GoesOn,
    /// It waits for the answer.
    Waits,
    /// At once, from where its program says it was (its own encoding): if the operation
    /// fails on the hub, the report shows that place rather than the proxy's.
    GoesOnFrom(Box<Data>),
    /// At once, from the place its last [`Reply::GoesOnFrom`] gave (a loop's send, again).
    GoesOnAgain,
}

impl Reply {
    pub fn waits(&self) -> bool {
        matches!(self, Reply::Waits)
    }
}

impl Serialize for Asked {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.g, &self.op, &self.reply).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Asked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (g, op, reply) = <(GoId, Op, Reply)>::deserialize(d)?;
        Ok(Asked { g, op, reply })
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
    /// Goroutine `g`'s operation panicked on the hub with Go's `message` (a send on a closed
    /// channel...): the goroutine, which waits for its answer, raises it where it is.
    Failed { g: GoId, message: String },
    /// Writes to the program's shared memory, first in a message (see [`super::memory`]).
    Memory { writes: Data },
    /// The run is deadlocked: send the frames of the goroutines here, for the report
    /// ([`GoroutineOp::Frames`](crate::rt::goroutine::GoroutineOp::Frames)).
    Traceback,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::chan::ChanOp;

    #[test]
    fn an_operation_crosses_in_a_few_bytes_and_back() {
        let asked = Asked {
            g: 2,
            op: ChanOp::Send {
                chan: 5,
                value: Data::of(&3),
            }
            .into(),
            reply: Reply::GoesOn,
        };
        let bytes = encode(&asked);
        // The goroutine, the object's and the operation's tags, the channel, the value's
        // length and its byte, whether it waits: one byte each.
        assert_eq!(bytes, [2, 2, 1, 5, 1, 6, 0]);
        assert_eq!(decode::<Asked>(&bytes), Ok(asked));
        assert_eq!(Data::of(&(true, 7)).read::<(bool, i32)>(), Ok((true, 7)));
        assert!(Data::of(&7u8).read::<String>().is_err());
        assert!(
            decode::<Vec<ToExecutor>>(&[200, 1, 2]).is_err(),
            "not a frame"
        );
    }

    #[test]
    fn short_and_long_values_cross_alike() {
        let long = "a string longer than a data holds in place".repeat(3);
        for text in ["", "short", long.as_str()] {
            let data = Data::of(&text.to_string());
            assert_eq!(data.clone().read::<String>().as_deref(), Ok(text));
            let frame = encode(&(1u8, data.clone(), 2u8));
            assert_eq!(decode::<(u8, Data, u8)>(&frame), Ok((1, data, 2)));
        }
        assert_eq!(Data::of(&5u64), Data::of(&5u64));
    }

    #[test]
    fn a_data_is_itself() {
        let data = Data::of(&"chanlab");
        assert_eq!(Data::of(&data), data);
        assert_eq!(data.clone().read::<Data>(), Ok(data.clone()));
        let nested = Data::of(&(true, data.clone()));
        let (ok, inner): (bool, Data) = nested.read().expect("a pair");
        assert!(ok);
        assert_eq!(inner.read::<String>().as_deref(), Ok("chanlab"));
    }
}
