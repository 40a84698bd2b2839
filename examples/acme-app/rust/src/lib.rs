pub const VERSION: &str = "1.4.0";

pub fn greet(name: &str) -> String {
    format!("hello {name} from acme-app {VERSION}")
}
