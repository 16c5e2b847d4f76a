//! The page: mounts the chanlab app.

#[cfg(target_arch = "wasm32")]
fn main() {
    chanlab::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the chanlab app runs in the browser: see the README to build and serve it");
}
