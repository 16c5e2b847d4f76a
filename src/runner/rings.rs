//! Real mode's shared-memory transport: rings of frames in one `SharedArrayBuffer`, and a
//! doorbell per worker to wait on with `Atomics.wait` (workers may block; the page never
//! does). A page that is cross-origin isolated (`crossOriginIsolated`) has it; any other
//! page's real mode carries the same frames by message (`real_host`).
//!
//! The buffer holds, in 32-bit words, one doorbell per worker and one flag per worker that
//! says it sleeps, then for each executor two rings: its frames to the hub and the hub's to
//! it. A ring is a pipe of bytes with one writer and one reader: two counters of the bytes
//! written and read so far (wrapping), and [`RING_BYTES`] of data. A frame crosses as its
//! length (4 bytes, little-endian) and its bytes, in as many pieces as the ring has room for:
//! a frame of any size gets through.
//!
//! Waiting: a worker reads its doorbell, looks at its rings, and if there is nothing to do
//! raises its flag and waits while the doorbell still holds what it read; a writer rings the
//! reader's doorbell after writing (adds one), and wakes it (`Atomics.notify`) only if its flag
//! is up. So no frame is missed between the look and the wait (the atomics are sequentially
//! consistent: a writer that saw the flag down rang before the reader's wait looked), and a
//! busy reader costs its writers no wake-up, a system call (measured: the hub's frames to a
//! busy executor cost 11 µs each with a wake-up every time).
//!
//! # Invariants
//! - `written - read` (wrapping) is at most `RING_BYTES`; only the writer moves `written`,
//!   only the reader moves `read`.
//! - A [`Pipe`]'s backlog holds whole frames' bytes in order after what the ring holds.

use js_sys::{Function, Int32Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// `Atomics` on the rings' words, bound directly. js-sys binds each of them as a call that may
// throw, whose glue builds an `arguments` object on every call: a worker that looks at its
// doorbell a million times a second spent a fifth of its time in that glue and more in
// collecting its garbage. On an `Int32Array` over a `SharedArrayBuffer`, in a worker, at an
// index within it, none of these throws.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Atomics, js_name = load)]
    fn atomic_load(words: &Int32Array, index: u32) -> i32;
    #[wasm_bindgen(js_namespace = Atomics, js_name = store)]
    fn atomic_store(words: &Int32Array, index: u32, value: i32);
    #[wasm_bindgen(js_namespace = Atomics, js_name = add)]
    fn atomic_add(words: &Int32Array, index: u32, value: i32);
    #[wasm_bindgen(js_namespace = Atomics, js_name = notify)]
    fn atomic_notify(words: &Int32Array, index: u32);
    #[wasm_bindgen(js_namespace = Atomics, js_name = wait)]
    fn atomic_wait(words: &Int32Array, index: u32, value: i32, timeout_ms: f64);
}

/// Bytes of data in each ring.
pub const RING_BYTES: u32 = 256 * 1024;
/// Words of a ring's header: the bytes written, the bytes read.
const HEADER_WORDS: u32 = 2;

/// The shared memory of one real-mode run on `procs` workers.
#[derive(Clone)]
pub struct Rings {
    /// The `SharedArrayBuffer`, named only through the global: the type does not exist in a
    /// page that may not share memory, and naming it there fails.
    buffer: JsValue,
    words: Int32Array,
    bytes: Uint8Array,
    procs: u32,
}

/// Which way a ring carries frames.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Way {
    ToHub,
    ToExecutor,
}

impl Rings {
    /// New shared memory for a run on `procs` workers, if the page may share memory.
    pub fn new(procs: u32) -> Option<Rings> {
        if !isolated() || procs < 2 {
            return None;
        }
        let size = Rings::ring_offset(procs, procs, Way::ToHub);
        let ctor: Function = Reflect::get(&js_sys::global(), &"SharedArrayBuffer".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let buffer = Reflect::construct(&ctor, &js_sys::Array::of1(&size.into())).ok()?;
        Some(Rings::of(buffer, procs))
    }

    /// Whether `data` is a `SharedArrayBuffer` (see [`Rings::buffer`]).
    pub fn is_buffer(data: &JsValue) -> bool {
        isolated()
            && data
                .dyn_ref::<Object>()
                .is_some_and(|o| o.constructor().name() == "SharedArrayBuffer")
    }

    /// The shared memory [`Rings::buffer`] gave another worker.
    pub fn of(buffer: JsValue, procs: u32) -> Rings {
        Rings {
            words: Int32Array::new(&buffer),
            bytes: Uint8Array::new(&buffer),
            buffer,
            procs,
        }
    }

    /// The buffer, to post to an executor.
    pub fn buffer(&self) -> JsValue {
        self.buffer.clone()
    }

    /// The word of worker `w`'s flag that says it sleeps.
    fn sleeping(&self, w: u32) -> u32 {
        self.procs.next_multiple_of(2) + w
    }

    /// Where executor `w`'s ring going `way` starts, in bytes.
    fn ring_offset(procs: u32, w: u32, way: Way) -> u32 {
        // A doorbell and a flag per worker.
        let doorbells = procs.next_multiple_of(2) * 2 * 4;
        let ring = HEADER_WORDS * 4 + RING_BYTES;
        let index = (w - 1) * 2 + u32::from(way == Way::ToExecutor);
        doorbells + index * ring
    }

    /// Executor `w`'s ring going `way`. Precondition: `1 <= w < procs`.
    pub fn pipe(&self, w: u32, way: Way) -> Pipe {
        let offset = Rings::ring_offset(self.procs, w, way);
        Pipe {
            rings: self.clone(),
            header: offset / 4,
            data: offset + HEADER_WORDS * 4,
            backlog: Vec::new(),
            partial: Vec::new(),
        }
    }

    /// Worker `w`'s doorbell, to wait on.
    pub fn doorbell(&self, w: u32) -> i32 {
        atomic_load(&self.words, w)
    }

    /// Wakes worker `w`, waiting or about to wait.
    pub fn ring(&self, w: u32) {
        atomic_add(&self.words, w, 1);
        if atomic_load(&self.words, self.sleeping(w)) != 0 {
            atomic_notify(&self.words, w);
        }
    }

    /// [`Rings::wait`], looking at the doorbell for up to `spin_ms` first: a worker whose
    /// goroutines all wait for the others' frames spins on its otherwise idle core, so the
    /// next frame finds it awake and costs its writer no wake-up. Both ends of a round trip
    /// do: `bench-pingpong` (20,000 rounds, from Run to Done, medians of 15 alternating runs)
    /// took 28 µs a round with only the executor spinning, and 14 µs with the hub spinning
    /// too.
    pub fn wait_spinning(
        &self,
        w: u32,
        seen: i32,
        spin_ms: f64,
        timeout_ms: f64,
        now: fn() -> f64,
    ) {
        let until = now() + spin_ms.min(timeout_ms);
        loop {
            for _ in 0..64 {
                if self.doorbell(w) != seen {
                    return;
                }
            }
            if now() >= until {
                break;
            }
        }
        self.wait(w, seen, timeout_ms - spin_ms);
    }

    /// Waits until worker `w`'s doorbell no longer holds `seen`, or `timeout_ms` passed,
    /// sleeping at once.
    pub fn wait(&self, w: u32, seen: i32, timeout_ms: f64) {
        if timeout_ms > 0.0 {
            atomic_store(&self.words, self.sleeping(w), 1);
            atomic_wait(&self.words, w, seen, timeout_ms);
            atomic_store(&self.words, self.sleeping(w), 0);
        }
    }
}

/// Whether this worker's page is cross-origin isolated, so that it may share memory.
pub fn isolated() -> bool {
    thread_local! {
        static ISOLATED: bool = look_isolated();
    }
    ISOLATED.with(|i| *i)
}

fn look_isolated() -> bool {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("crossOriginIsolated"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
        && js_sys::Reflect::has(&global, &JsValue::from_str("SharedArrayBuffer")).unwrap_or(false)
}

/// One end of a ring: the writer's (with what did not fit yet) or the reader's (with the part
/// of a frame read so far).
pub struct Pipe {
    rings: Rings,
    /// The ring's header, in words.
    header: u32,
    /// The ring's data, in bytes.
    data: u32,
    /// Bytes to write, after what the ring holds.
    backlog: Vec<u8>,
    /// Bytes read, up to the end of the last whole frame taken.
    partial: Vec<u8>,
}

impl Pipe {
    fn written(&self) -> u32 {
        atomic_load(&self.rings.words, self.header) as u32
    }

    fn read(&self) -> u32 {
        atomic_load(&self.rings.words, self.header + 1) as u32
    }

    /// Writes `frame` (after what waits to be written); returns whether all of it is in the
    /// ring (else [`Pipe::pending`] says so and [`Pipe::write_backlog`] goes on).
    pub fn send(&mut self, frame: &[u8]) -> bool {
        self.backlog
            .extend_from_slice(&(frame.len() as u32).to_le_bytes());
        self.backlog.extend_from_slice(frame);
        self.write_backlog()
    }

    /// Writes as much of the backlog as the ring has room for; returns whether all of it.
    pub fn write_backlog(&mut self) -> bool {
        if self.backlog.is_empty() {
            return true;
        }
        let written = self.written();
        let room = RING_BYTES - written.wrapping_sub(self.read());
        let n = room.min(self.backlog.len() as u32);
        let start = written % RING_BYTES;
        let first = n.min(RING_BYTES - start);
        let (a, b) = self.backlog[..n as usize].split_at(first as usize);
        let base = self.data;
        if !a.is_empty() {
            self.rings
                .bytes
                .subarray(base + start, base + start + first)
                .copy_from(a);
        }
        if !b.is_empty() {
            self.rings
                .bytes
                .subarray(base, base + b.len() as u32)
                .copy_from(b);
        }
        atomic_store(
            &self.rings.words,
            self.header,
            written.wrapping_add(n) as i32,
        );
        self.backlog.drain(..n as usize);
        self.backlog.is_empty()
    }

    /// Bytes wait to be written (the ring was full).
    pub fn pending(&self) -> bool {
        !self.backlog.is_empty()
    }

    /// The whole frames in the ring, in order; a frame not yet whole waits for its rest.
    pub fn receive(&mut self) -> Vec<Vec<u8>> {
        let read = self.read();
        let n = self.written().wrapping_sub(read);
        if n > 0 {
            let start = read % RING_BYTES;
            let first = n.min(RING_BYTES - start);
            let old = self.partial.len();
            self.partial.resize(old + n as usize, 0);
            let base = self.data;
            self.rings
                .bytes
                .subarray(base + start, base + start + first)
                .copy_to(&mut self.partial[old..old + first as usize]);
            if first < n {
                self.rings
                    .bytes
                    .subarray(base, base + (n - first))
                    .copy_to(&mut self.partial[old + first as usize..]);
            }
            atomic_store(
                &self.rings.words,
                self.header + 1,
                read.wrapping_add(n) as i32,
            );
        }
        let mut frames = Vec::new();
        let mut at = 0;
        while let Some(len) = self.partial.get(at..at + 4) {
            let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
            let Some(frame) = self.partial.get(at + 4..at + 4 + len) else {
                break;
            };
            frames.push(frame.to_vec());
            at += 4 + len;
        }
        self.partial.drain(..at);
        frames
    }
}
