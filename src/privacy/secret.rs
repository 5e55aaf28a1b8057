//! (in progress)
pub struct ServerSecret;
