//! The Goals Studio app, started by Trunk's generated loader.

fn main() {
    goals_studio::start();
}
