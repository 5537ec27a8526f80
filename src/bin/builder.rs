//! The embed builder's own build (dist/builder/, page /embed/builder): a tool for editors, kept
//! out of the reader's download.
fn main() {
    newsroom::app::start_builder();
}
