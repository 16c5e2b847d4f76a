//! Values as they cross between workers (real mode): numbers, booleans and strings travel as
//! themselves, channels as their ids. Values that share memory (pointers, slices, maps,
//! functions, aggregates, interfaces) do not travel yet; a run that would send one stops with a
//! message saying so (docs/INTERPRETER.md, Real mode).

use serde::de::Deserializer;
use serde::ser::{self, Serializer};
use serde::{Deserialize, Serialize};

use super::value::Value;

/// The form a value travels in.
#[derive(Serialize, Deserialize)]
enum Wire {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
    Chan(u32),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let wire = match self {
            Value::Nil => Wire::Nil,
            Value::Bool(b) => Wire::Bool(*b),
            Value::Int(i) => Wire::Int(*i),
            Value::Float(f) => Wire::Float(*f),
            Value::Str(b) => Wire::Str(b.to_vec()),
            Value::Chan(id) => Wire::Chan(*id),
            _ => {
                return Err(ser::Error::custom(
                    "chanlab cannot yet send values that share memory between workers",
                ))
            }
        };
        wire.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        Ok(match Wire::deserialize(d)? {
            Wire::Nil => Value::Nil,
            Wire::Bool(b) => Value::Bool(b),
            Wire::Int(i) => Value::Int(i),
            Wire::Float(f) => Value::Float(f),
            Wire::Str(b) => Value::bytes(&b),
            Wire::Chan(id) => Value::Chan(id),
        })
    }
}
