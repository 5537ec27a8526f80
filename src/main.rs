fn main() {
    newsroom::app::start();
}
