//! The ceiling for the webhook benchmark: a bare axum handler on the same machine that reads
//! the body and answers 200 (and `GET /`, answered 200 with nothing), and does nothing else. `bench/run.sh` measures heard's webhook
//! against it in the same run.
//!
//!     cargo run --release --example bench_ceiling -- 127.0.0.1:0

use axum::body::Bytes;
use axum::routing::{get, post};
use axum::Router;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".to_owned());
    let listener = tokio::net::TcpListener::bind(bind).await?;
    println!("listening on {}", listener.local_addr()?);
    let app = Router::new()
        .route("/webhooks/sms/twilio", post(|_body: Bytes| async { "" }))
        .route("/", get(|| async { "" }));
    axum::serve(listener, app).await
}
